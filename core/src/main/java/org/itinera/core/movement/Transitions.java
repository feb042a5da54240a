package org.itinera.core.movement;

import java.time.Clock;
import java.util.List;
import org.itinera.core.access.Actor;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.WriteTx;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;

/**
 * Applies a status change inside a write: checks it against {@link MovementWorkflow} (the change
 * exists, the action is the one that makes it, a reason or place is given when needed), then sets
 * the status and appends the movement event. Every status change of every service goes through here.
 */
final class Transitions {
    private final MovementRepository movements;
    private final Clock clock;

    Transitions(MovementRepository movements, Clock clock) {
        this.movements = movements;
        this.clock = clock;
    }

    /** Refuses (before anything is written) a change the workflow or the action does not allow. */
    static void check(MovementStatus from, MovementStatus to, MovementWorkflow.Route route, String reason, String place) {
        MovementWorkflow.Edge edge = MovementWorkflow.edge(from, to).orElseThrow(() -> MovementRefusedException.transition(from, to));
        if (edge.route() != route) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.route." + edge.route().name(),
                    MovementRefusedException.label(to)));
        }
        if (MovementWorkflow.needsReason(to) && blank(reason)) {
            throw new ValidationException(List.of(FieldError.of("reason", "movement.error.reasonRequired")));
        }
        if (MovementWorkflow.needsPlace(to) && blank(place)) {
            throw new ValidationException(List.of(FieldError.of("place", "movement.error.placeRequired")));
        }
        if (reason != null && reason.length() > 500) {
            throw new ValidationException(List.of(FieldError.of("reason", "validation.tooLong", 500)));
        }
    }

    /** Checks again on the row as it is in this transaction, then writes the change and its event. */
    void apply(WriteTx tx, Actor actor, String movementId, MovementStatus to, MovementWorkflow.Route route,
               MovementEventType eventType, String reason, String place) {
        Movement m = movements.find(tx.dsl(), movementId)
                .orElseThrow(() -> new IllegalArgumentException("no movement " + movementId));
        check(m.status(), to, route, reason, place);
        String why = blank(reason) ? null : reason.strip();
        movements.setStatus(tx, movementId, to, why);
        movements.insertEvent(tx, new MovementEvent(tx.ids().next(), movementId, eventType, m.status(), to, why,
                blank(place) ? null : place.strip(), null, clock.instant(), actor.userId()));
    }

    /** A fact on the way that changes no status (boarded, handed over). */
    void event(WriteTx tx, Actor actor, String movementId, MovementEventType type, String reason, String place,
               String partnerId) {
        movements.insertEvent(tx, new MovementEvent(tx.ids().next(), movementId, type, null, null,
                blank(reason) ? null : reason.strip(), place, partnerId, clock.instant(), actor.userId()));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
