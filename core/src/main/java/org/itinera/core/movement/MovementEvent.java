package org.itinera.core.movement;

import java.time.Instant;

/** One line of a movement's history (insert-only). {@code from}/{@code to} are set for status changes. */
public record MovementEvent(String id, String movementId, MovementEventType type, MovementStatus from,
                           MovementStatus to, String reason, String place, String partnerId, Instant occurredAt,
                           String userId) {
}
