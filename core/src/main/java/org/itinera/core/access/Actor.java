package org.itinera.core.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: the signed-in user with their role grants, or the system itself (migrations,
 * demo data). Every service call takes an Actor so every access is attributable.
 */
public record Actor(String userId, String username, String displayName, Optional<String> officeId, Set<RoleGrant> grants) {
    public Actor {
        grants = Set.copyOf(grants);
    }

    /** Work the application does on its own behalf, recorded under this name in the audit log. */
    public static Actor system(String purpose) {
        return new Actor(null, "system:" + purpose, "System", Optional.empty(),
                Set.of(RoleGrant.everywhere(Role.MISSION_ADMIN), RoleGrant.everywhere(Role.CASEWORKER),
                        RoleGrant.everywhere(Role.MOVEMENT_OFFICER), RoleGrant.everywhere(Role.MEDICAL_OFFICER)));
    }

    /** The system acting without any permission: only attributes an audit entry (e.g. an unknown sign-in). */
    public static Actor anonymous(String purpose) {
        return new Actor(null, "system:" + purpose, "System", Optional.empty(), Set.of());
    }

    public boolean isSystem() {
        return userId == null;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }
}
