package org.itinera.core.access;

import java.util.Set;

/** What an administrator enters to create a local account. */
public record NewUser(String username, String displayName, String officeId, String locale, Set<RoleGrant> grants) {
    public NewUser {
        grants = Set.copyOf(grants);
    }
}
