package org.itinera.core.recovery;

import org.itinera.core.i18n.UserMessage;

/** Why an account recovery was refused, in words the person can act on. */
public final class RecoveryException extends RuntimeException {
    public enum Reason {
        NOT_ENROLLED, MALFORMED, BAD_SIGNATURE, OTHER_LAPTOP, OTHER_USER, NOT_YET_VALID, EXPIRED, TOO_LONG,
        ALREADY_USED, STALE, WRONG_CODE, NO_TOKEN, INACTIVE_ACCOUNT
    }

    private final Reason reason;

    public RecoveryException(Reason reason) {
        super("recovery refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public UserMessage userMessage() {
        return UserMessage.of("recovery.error." + reason.name());
    }
}
