package org.itinera.core.medical;

import java.time.LocalDate;
import java.util.Optional;
import org.itinera.core.access.MedicalDetail;

/**
 * A health assessment as medical staff see it, with its details opened with the session's medical
 * key (empty when it has none, or they were sealed with another laptop's key: {@code hasSealedDetails}
 * then still says they exist). Even the fact that an assessment exists is medical detail.
 */
@MedicalDetail
public record HealthAssessment(String id, String personId, String type, LocalDate assessedOn,
                               Optional<String> clinicianId, boolean hasSealedDetails,
                               Optional<AssessmentDetails> details) {
}
