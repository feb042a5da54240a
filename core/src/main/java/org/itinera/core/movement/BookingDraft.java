package org.itinera.core.movement;

import java.util.List;

/** What the booking form sends: the carrier's reference, legs, passengers and escorts. */
public record BookingDraft(String reference, BookingStatus status, List<SegmentDraft> segments,
                           List<PassengerDraft> passengers, List<EscortDraft> escorts) {
    public BookingDraft {
        segments = List.copyOf(segments);
        passengers = List.copyOf(passengers);
        escorts = List.copyOf(escorts);
    }
}
