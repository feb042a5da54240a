package org.itinera.core.assistance;

import java.time.LocalDate;

/** A referral of the case's person to a partner for a service. */
public record ReferralDraft(String caseId, String partnerId, String service, LocalDate sentOn) {
}
