package org.itinera.core.consent;

import org.itinera.core.i18n.UserMessage;

/** A service refused to share, match or export because the person's consent does not allow it. */
public final class ConsentRequiredException extends RuntimeException {
    private final transient UserMessage reason;

    public ConsentRequiredException(UserMessage reason) {
        super("consent required: " + reason.key());
        this.reason = reason;
    }

    public UserMessage userMessage() {
        return reason;
    }
}
