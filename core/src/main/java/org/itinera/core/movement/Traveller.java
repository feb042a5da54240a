package org.itinera.core.movement;

import org.itinera.core.casefile.Sex;

/**
 * A movement with just enough of its person to recognise them in a list: names, sex, age,
 * nationality. {@code age} is -1 when the date of birth is not known.
 */
public record Traveller(String movementId, String personId, String householdId, String latinName, String originalName,
                        Sex sex, int age, String nationality, MovementStatus status, String destinationCountry,
                        String officeId) {
}
