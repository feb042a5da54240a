package org.itinera.core.medical;

import java.time.LocalDate;
import org.itinera.core.access.MedicalDetail;

/** A referral for treatment: to a health partner (may be null), why (sealed), from which assessment (may be null). */
@MedicalDetail
public record ReferralDraft(String personId, String assessmentId, LocalDate referredOn, String facilityId, String reason) {
}
