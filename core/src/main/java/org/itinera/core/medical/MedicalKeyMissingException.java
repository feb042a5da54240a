package org.itinera.core.medical;

import org.itinera.core.i18n.UserMessage;

/**
 * Medical detail cannot be sealed or opened in this session: the signed-in user was not given the
 * medical key on this laptop (yet), or a value was sealed with another laptop's key. Nothing was written.
 */
public final class MedicalKeyMissingException extends RuntimeException {
    private final transient UserMessage userMessage;

    public MedicalKeyMissingException(UserMessage userMessage) {
        super("medical key missing: " + userMessage.key());
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
