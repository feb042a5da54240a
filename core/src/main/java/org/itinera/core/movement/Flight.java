package org.itinera.core.movement;

import java.time.LocalDate;

/** A departure: carrier, flight (or bus) number, route and local date of departure. One manifest each. */
public record Flight(String carrier, String serviceNo, String from, String to, LocalDate date) {
    public String code() {
        return carrier + " " + serviceNo;
    }
}
