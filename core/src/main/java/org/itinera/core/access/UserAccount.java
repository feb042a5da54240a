package org.itinera.core.access;

import java.util.Set;

/** A local user of this laptop. */
public record UserAccount(String id, String username, String displayName, String officeId, String locale,
                          boolean active, Set<RoleGrant> grants) {
    public UserAccount {
        grants = Set.copyOf(grants);
    }

    public Actor asActor() {
        return new Actor(id, username, displayName, java.util.Optional.ofNullable(officeId), grants);
    }
}
