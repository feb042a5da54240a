package org.itinera.core.keys;

import java.time.Instant;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/** Why a sign-in was refused, in words the person at the keyboard can act on. */
public final class SignInException extends RuntimeException {
    public enum Reason { WRONG_CREDENTIALS, LOCKED_OUT, NOT_INITIALISED }

    private final Reason reason;
    private final Instant lockedUntil;

    public SignInException(Reason reason, Instant lockedUntil) {
        super(reason.name());
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public UserMessage userMessage() {
        return switch (reason) {
            case WRONG_CREDENTIALS -> UserMessage.of("signin.error.wrong");
            case LOCKED_OUT -> UserMessage.of("signin.error.locked", lockedUntil.toString());
            case NOT_INITIALISED -> UserMessage.of("signin.error.notInitialised");
        };
    }
}
