package org.itinera.core.assistance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A partner referral, where it stands and how it got there. */
public record Referral(String id, String caseId, String personId, String partnerId, String partnerName, String service,
                       ReferralStatus status, LocalDate sentOn, LocalDate statusOn, Optional<String> feedback,
                       List<Step> history) {
    public Referral {
        history = List.copyOf(history);
    }

    /** One status the referral took, oldest first. */
    public record Step(ReferralStatus from, ReferralStatus to, LocalDate on, Optional<String> feedback) {
    }
}
