package org.itinera.core.movement;

import java.time.LocalDate;

/**
 * A travel document a movement officer records for a traveller (typically the laissez-passer a
 * consulate issued). Types: PASSPORT, LAISSEZ_PASSER, TRAVEL_DOCUMENT.
 */
public record TravelDocument(String type, String number, String issuingCountry, LocalDate issuedOn, LocalDate expiresOn) {
    /** Documents a carrier accepts for an international journey. */
    public static final java.util.Set<String> TYPES = java.util.Set.of("PASSPORT", "LAISSEZ_PASSER", "TRAVEL_DOCUMENT");
}
