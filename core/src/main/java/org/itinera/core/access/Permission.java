package org.itinera.core.access;

/** What a service method may be asked to do. Each service method names exactly one. */
public enum Permission {
    PERSON_READ, PERSON_WRITE,
    HOUSEHOLD_READ, HOUSEHOLD_WRITE,
    CASE_READ, CASE_WRITE,
    MOVEMENT_READ, MOVEMENT_WRITE, MANIFEST_PRINT,
    DEMO_DATA_GENERATE,
    USER_ADMIN,
    AUDIT_READ,
    /** Pin the organisation's root key, load trust bundles, rotate this device's keys. */
    TRUST_ADMIN
}
