package org.itinera.core.movement;

import java.util.Set;
import org.itinera.core.casefile.Sex;

/**
 * A line of a manifest: exactly what the carrier and the authorities need, nothing medical.
 * {@code familyName}/{@code givenNames} are in Latin script, {@code originalName} in the original
 * script (often Arabic) or empty; {@code age} is -1 when unknown.
 */
public record ManifestPassenger(String id, String movementId, String personId, String householdId, String familyName,
                                String givenNames, String originalName, Sex sex, int age, String nationality,
                                String documentType, String documentNumber, Set<SpecialServiceRequest> services,
                                String escortName, String seat, int baggagePieces, int baggageKg,
                                String bookingReference, PassengerStatus status, String reason) {
    public ManifestPassenger {
        services = Set.copyOf(services);
    }

    public String latinName() {
        return familyName.toUpperCase(java.util.Locale.ROOT) + ", " + givenNames;
    }
}
