package org.itinera.core.movement;

import java.util.Set;

/** A traveller on a booking: seat (if assigned), special service requests and checked baggage. */
public record PassengerDraft(String movementId, String seat, Set<SpecialServiceRequest> services, int baggagePieces,
                             int baggageKg) {
    public PassengerDraft {
        services = Set.copyOf(services);
    }

    public static PassengerDraft of(String movementId) {
        return new PassengerDraft(movementId, null, Set.of(), 1, 23);
    }
}
