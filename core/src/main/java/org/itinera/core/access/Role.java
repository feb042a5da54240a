package org.itinera.core.access;

/** The roles of a mission's staff (see docs: DOMAIN.md, "Who uses it"). */
public enum Role {
    CASEWORKER, MOVEMENT_OFFICER, MEDICAL_OFFICER, DATA_OFFICER, MISSION_ADMIN, AUDITOR
}
