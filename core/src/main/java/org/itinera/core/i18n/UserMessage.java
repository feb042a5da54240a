package org.itinera.core.i18n;

import java.util.List;

/**
 * A sentence for the user, by resource-bundle key and arguments, resolved in the user's language
 * at the edge (screen or command line). Core never formats user-facing text itself.
 */
public record UserMessage(String key, List<Object> args) {
    public UserMessage {
        args = List.copyOf(args);
    }

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, List.of(args));
    }
}
