package org.itinera.core.access;

import org.itinera.core.i18n.UserMessage;

/** A service refused an action the actor's roles do not allow. */
public final class AccessDeniedException extends RuntimeException {
    private final Permission permission;

    public AccessDeniedException(Permission permission) {
        super("denied: " + permission);
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    public UserMessage userMessage() {
        return UserMessage.of("access.denied", UserMessage.of("enum.Permission." + permission.name()));
    }
}
