package org.itinera.core.movement;

import java.time.LocalDate;
import java.util.List;

/** A booking with its legs, passengers and escorts. */
public record Booking(String id, String reference, BookingStatus status, LocalDate bookedOn, String officeId,
                      List<Segment> segments, List<BookedPassenger> passengers, List<Escort> escorts) {
    public Booking {
        segments = List.copyOf(segments);
        passengers = List.copyOf(passengers);
        escorts = List.copyOf(escorts);
    }
}
