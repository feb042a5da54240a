package org.itinera.core.movement;

import java.util.Set;

/** A traveller on a booking, as stored. */
public record BookedPassenger(String id, String bookingId, String movementId, String seat, Set<SpecialServiceRequest> services,
                              int baggagePieces, int baggageKg) {
    public BookedPassenger {
        services = Set.copyOf(services);
    }
}
