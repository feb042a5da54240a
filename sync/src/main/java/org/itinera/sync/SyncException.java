package org.itinera.sync;

import org.itinera.core.i18n.UserMessage;

/**
 * A sync or trust problem the user can act on (full disk while writing a package, a trust bundle
 * that is older than the current one, a fingerprint that does not match). Carries a localisable
 * sentence; the cause stays in the log. Hostile package content is never reported this way: the
 * reader answers it with an outcome.
 */
public class SyncException extends RuntimeException {
    private final UserMessage userMessage;

    public SyncException(UserMessage userMessage, Throwable cause) {
        super(userMessage.key(), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
