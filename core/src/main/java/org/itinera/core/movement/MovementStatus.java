package org.itinera.core.movement;

/** Where a traveller's movement stands, from the request to arrival (see {@link MovementWorkflow}). */
public enum MovementStatus {
    REQUESTED, ELIGIBILITY_CHECKED, DOCUMENTS_READY, BOOKED, FIT_TO_TRAVEL, ON_MANIFEST, DEPARTED, IN_TRANSIT,
    ARRIVED, NO_SHOW, CANCELLED;

    /** Nothing more can happen to the movement. */
    public boolean isFinal() {
        return this == ARRIVED || this == CANCELLED;
    }
}
