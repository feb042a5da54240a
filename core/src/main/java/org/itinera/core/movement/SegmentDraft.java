package org.itinera.core.movement;

import java.time.LocalDateTime;

/**
 * One leg as the officer enters it: carrier (IATA airline code, or bus company), flight or bus
 * number, airports by IATA code, and local times at each airport (their zones are derived).
 */
public record SegmentDraft(String carrier, String serviceNo, String from, String to, LocalDateTime departsLocal,
                           LocalDateTime arrivesLocal) {
}
