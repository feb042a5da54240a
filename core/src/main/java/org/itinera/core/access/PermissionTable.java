package org.itinera.core.access;

import static org.itinera.core.access.Permission.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The single source of truth for who may do what. Services consult it through {@link AccessPolicy};
 * the admin screen displays it; the permission-matrix test calls every service method as every role
 * and checks the outcome against it. Office and country scoping comes from the role grants.
 */
public final class PermissionTable {
    private final Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);

    public PermissionTable() {
        table.put(Role.CASEWORKER, EnumSet.of(OWN_ACCOUNT, PERSON_READ, PERSON_WRITE, HOUSEHOLD_READ, HOUSEHOLD_WRITE,
                CASE_READ, CASE_WRITE, CONSENT_READ, CONSENT_WRITE, FITNESS_DECISION_READ, MOVEMENT_READ,
                PROTECTION_READ, PROTECTION_WRITE, SYNC_EXCHANGE, SYNC_CONFLICT_RESOLVE));
        table.put(Role.MOVEMENT_OFFICER, EnumSet.of(OWN_ACCOUNT, PERSON_READ, PERSON_WRITE, HOUSEHOLD_READ,
                HOUSEHOLD_WRITE, CASE_READ, CONSENT_READ, CONSENT_WRITE, FITNESS_DECISION_READ, MOVEMENT_READ,
                MOVEMENT_WRITE, MANIFEST_PRINT, SYNC_EXCHANGE, SYNC_CONFLICT_RESOLVE));
        table.put(Role.MEDICAL_OFFICER, EnumSet.of(OWN_ACCOUNT, PERSON_READ, HOUSEHOLD_READ, CASE_READ, CONSENT_READ,
                MEDICAL_DETAIL_READ, MEDICAL_DETAIL_WRITE, FITNESS_DECISION_READ, FITNESS_DECISION_WRITE, MOVEMENT_READ,
                SYNC_EXCHANGE));
        table.put(Role.DATA_OFFICER, EnumSet.of(OWN_ACCOUNT, PERSON_READ, HOUSEHOLD_READ, CASE_READ, CONSENT_READ,
                PARTNER_EXCHANGE, FITNESS_DECISION_READ, DEMO_DATA_GENERATE, MOVEMENT_READ, SYNC_EXCHANGE,
                SYNC_CONFLICT_RESOLVE));
        table.put(Role.MISSION_ADMIN, EnumSet.of(OWN_ACCOUNT, PERSON_READ, HOUSEHOLD_READ, CASE_READ, CONSENT_READ,
                USER_ADMIN, DEVICE_ADMIN, AUDIT_READ, DEMO_DATA_GENERATE, TRUST_ADMIN, MOVEMENT_READ, SYNC_EXCHANGE));
        table.put(Role.AUDITOR, EnumSet.of(OWN_ACCOUNT, PERSON_READ, HOUSEHOLD_READ, CASE_READ, CONSENT_READ,
                AUDIT_READ, MOVEMENT_READ));
        // reintegration assistance (issue 6): caseworkers run it; supervisors, data officers and auditors read it
        table.get(Role.CASEWORKER).addAll(EnumSet.of(ASSISTANCE_READ, ASSISTANCE_WRITE));
        table.get(Role.DATA_OFFICER).add(ASSISTANCE_READ);
        table.get(Role.MISSION_ADMIN).add(ASSISTANCE_READ);
        table.get(Role.AUDITOR).add(ASSISTANCE_READ);
        // duplicates (issue 7): the data officer cleans the registry, the mission administrator supervises
        table.get(Role.DATA_OFFICER).add(PERSON_MERGE);
        table.get(Role.MISSION_ADMIN).add(PERSON_MERGE);
        // account recovery on the hub (ADR 0008): data officers and mission administrators issue reset tokens
        table.get(Role.DATA_OFFICER).add(RECOVERY_ISSUE);
        table.get(Role.MISSION_ADMIN).add(RECOVERY_ISSUE);
    }

    public boolean allows(Role role, Permission permission) {
        return table.getOrDefault(role, Set.of()).contains(permission);
    }

    public Set<Permission> permissionsOf(Role role) {
        return Set.copyOf(table.getOrDefault(role, Set.of()));
    }

    /** The roles holding a permission, in declaration order. */
    public Set<Role> rolesWith(Permission permission) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        table.forEach((role, perms) -> {
            if (perms.contains(permission)) {
                out.add(role);
            }
        });
        return out;
    }
}
