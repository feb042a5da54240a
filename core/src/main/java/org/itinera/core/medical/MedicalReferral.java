package org.itinera.core.medical;

import java.time.LocalDate;
import java.util.Optional;
import org.itinera.core.access.MedicalDetail;

/** A referral for treatment as medical staff see it. */
@MedicalDetail
public record MedicalReferral(String id, String personId, Optional<String> assessmentId, LocalDate referredOn,
                              TreatmentReferralStatus status, Optional<String> facilityId, Optional<String> reason) {
}
