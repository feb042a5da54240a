package org.itinera.core.movement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A booked leg with the time zones of its airports. */
public record Segment(String id, String bookingId, int seq, String carrier, String serviceNo, String from, String to,
                      LocalDateTime departsLocal, ZoneId departsZone, LocalDateTime arrivesLocal, ZoneId arrivesZone) {
    public Instant departsAt() {
        return departsLocal.atZone(departsZone).toInstant();
    }

    public Instant arrivesAt() {
        return arrivesLocal.atZone(arrivesZone).toInstant();
    }

    public Flight flight() {
        return new Flight(carrier, serviceNo, from, to, departsLocal.toLocalDate());
    }
}
