package org.itinera.core.db;

import org.itinera.core.i18n.UserMessage;

/**
 * A database problem the user can understand and act on (wrong key, missing file, full disk,
 * newer schema). Carries a localisable message; the cause stays in the log only.
 */
public class DatabaseException extends RuntimeException {
    private final UserMessage userMessage;

    public DatabaseException(UserMessage userMessage, Throwable cause) {
        super(userMessage.key(), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
