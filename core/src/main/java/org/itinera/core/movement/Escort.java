package org.itinera.core.movement;

/** An escort on a booking, as stored. */
public record Escort(String id, String bookingId, EscortType type, String name, String userId, String escortedMovementId) {
}
