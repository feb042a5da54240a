package org.itinera.core.access;

import static org.itinera.core.access.Permission.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The single source of truth for who may do what. Services consult it through {@link AccessPolicy};
 * the admin screen displays it; the permission-matrix test checks every service against it.
 */
public final class PermissionTable {
    private final Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);

    public PermissionTable() {
        table.put(Role.CASEWORKER, EnumSet.of(PERSON_READ, PERSON_WRITE, HOUSEHOLD_READ, HOUSEHOLD_WRITE,
                CASE_READ, CASE_WRITE, MOVEMENT_READ));
        table.put(Role.MOVEMENT_OFFICER, EnumSet.of(PERSON_READ, PERSON_WRITE, HOUSEHOLD_READ, HOUSEHOLD_WRITE,
                CASE_READ, MOVEMENT_READ, MOVEMENT_WRITE, MANIFEST_PRINT));
        table.put(Role.MEDICAL_OFFICER, EnumSet.of(PERSON_READ, HOUSEHOLD_READ, CASE_READ, MOVEMENT_READ));
        table.put(Role.DATA_OFFICER, EnumSet.of(PERSON_READ, HOUSEHOLD_READ, CASE_READ, DEMO_DATA_GENERATE,
                MOVEMENT_READ));
        table.put(Role.MISSION_ADMIN, EnumSet.of(PERSON_READ, HOUSEHOLD_READ, CASE_READ, USER_ADMIN, AUDIT_READ,
                DEMO_DATA_GENERATE, TRUST_ADMIN, MOVEMENT_READ));
        table.put(Role.AUDITOR, EnumSet.of(PERSON_READ, HOUSEHOLD_READ, CASE_READ, AUDIT_READ, MOVEMENT_READ));
    }

    public boolean allows(Role role, Permission permission) {
        return table.getOrDefault(role, Set.of()).contains(permission);
    }

    public Set<Permission> permissionsOf(Role role) {
        return Set.copyOf(table.getOrDefault(role, Set.of()));
    }
}
