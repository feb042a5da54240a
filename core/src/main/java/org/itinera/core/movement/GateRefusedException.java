package org.itinera.core.movement;

import java.util.List;
import org.itinera.core.i18n.UserMessage;

/**
 * The manifest gate refused: some passengers lack a valid travel document, a fitness decision valid
 * on the departure date, or consent to travel. Nothing was written. Lists each blocked passenger and why.
 */
public final class GateRefusedException extends RuntimeException {
    private final List<PassengerCheck> blocked;

    public GateRefusedException(List<PassengerCheck> blocked) {
        super("manifest gate refused " + blocked.size() + " passenger(s)");
        this.blocked = List.copyOf(blocked);
    }

    public List<PassengerCheck> blocked() {
        return blocked;
    }

    public UserMessage userMessage() {
        return UserMessage.of("gate.refused", blocked.size());
    }
}
