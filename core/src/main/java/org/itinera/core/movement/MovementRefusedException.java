package org.itinera.core.movement;

import org.itinera.core.i18n.UserMessage;

/**
 * A movement action that the workflow does not allow in the current state (a status change not in
 * {@link MovementWorkflow}, a change to a manifest that has departed…). Nothing was written.
 */
public final class MovementRefusedException extends RuntimeException {
    private final transient UserMessage userMessage;

    public MovementRefusedException(UserMessage userMessage) {
        super("refused: " + userMessage.key());
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }

    static MovementRefusedException transition(MovementStatus from, MovementStatus to) {
        return new MovementRefusedException(UserMessage.of("movement.refused.transition",
                label(from), label(to)));
    }

    static UserMessage label(Enum<?> e) {
        return UserMessage.of("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }
}
