package org.itinera.core.access;

import java.util.Optional;

/** A role held in one office, or in every office of the mission when {@code officeId} is empty. */
public record RoleGrant(Role role, Optional<String> officeId) {
    public static RoleGrant everywhere(Role role) {
        return new RoleGrant(role, Optional.empty());
    }

    public static RoleGrant inOffice(Role role, String officeId) {
        return new RoleGrant(role, Optional.of(officeId));
    }

    public boolean covers(String recordOfficeId) {
        return officeId.isEmpty() || recordOfficeId == null || officeId.get().equals(recordOfficeId);
    }
}
