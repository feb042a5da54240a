package org.itinera.core.timeline;

import org.itinera.core.access.Permission;

/** What a timeline item is, and the permission that lets a viewer see items of that kind. */
public enum TimelineKind {
    CASE(Permission.CASE_READ),
    CONSENT(Permission.CONSENT_READ),
    SCREENING(Permission.CASE_READ),
    MOVEMENT(Permission.MOVEMENT_READ),
    BOOKING(Permission.MOVEMENT_READ),
    MANIFEST(Permission.MOVEMENT_READ),
    /** The fitness-to-travel decision alone: all that non-medical staff may know of health. */
    FITNESS(Permission.FITNESS_DECISION_READ),
    /** That an assessment or medical referral took place: medical staff only (never its detail). */
    MEDICAL(Permission.MEDICAL_DETAIL_READ),
    PLAN(Permission.ASSISTANCE_READ),
    DELIVERY(Permission.ASSISTANCE_READ),
    REFERRAL(Permission.ASSISTANCE_READ),
    FOLLOW_UP(Permission.ASSISTANCE_READ),
    SURVEY(Permission.ASSISTANCE_READ);

    private final Permission permission;

    TimelineKind(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
