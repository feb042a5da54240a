package org.itinera.core.assistance;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partner referral's life cycle: SENT → ACCEPTED → SERVICE_DELIVERED → CLOSED, or REFUSED by the
 * partner when it is sent. CLOSED and REFUSED are final.
 */
public enum ReferralStatus {
    SENT, ACCEPTED, SERVICE_DELIVERED, CLOSED, REFUSED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(ACCEPTED, REFUSED);
            case ACCEPTED -> EnumSet.of(SERVICE_DELIVERED);
            case SERVICE_DELIVERED -> EnumSet.of(CLOSED);
            case CLOSED, REFUSED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canBecome(ReferralStatus to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
