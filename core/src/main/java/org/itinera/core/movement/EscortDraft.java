package org.itinera.core.movement;

/**
 * An escort travelling on a booking. {@code escortedMovementId} names the passenger a medical escort
 * accompanies; empty for an escort of the whole group. {@code userId} when the escort is staff.
 */
public record EscortDraft(EscortType type, String name, String userId, String escortedMovementId) {
}
