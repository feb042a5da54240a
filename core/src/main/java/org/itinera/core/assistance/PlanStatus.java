package org.itinera.core.assistance;

import java.util.EnumSet;
import java.util.Set;

/** Where a reintegration plan stands. */
public enum PlanStatus {
    DRAFT, APPROVED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** The statuses a plan in this one may be moved to. */
    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    /** Deliveries may be recorded against a plan once it is approved, until it ends. */
    public boolean acceptsDeliveries() {
        return this == APPROVED || this == IN_PROGRESS;
    }
}
