package org.itinera.core.movement;

import java.util.List;

/**
 * A travel request for one or more persons of a case (a household is requested in one go). The
 * office and household come from the case. Countries are ISO 3166-1 alpha-3.
 */
public record MovementRequest(String caseId, List<String> personIds, MovementType type, String destinationCountry,
                              String destinationPlace, boolean fitnessRequired) {
    public MovementRequest {
        personIds = List.copyOf(personIds);
    }
}
