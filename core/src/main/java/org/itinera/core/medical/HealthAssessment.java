package org.itinera.core.medical;

import java.time.LocalDate;
import java.util.Optional;
import org.itinera.core.access.MedicalDetail;

/**
 * A health assessment as medical staff see it. Its details stay sealed with the medical key until
 * the medical module (issue 6) opens them; even the fact that they exist is medical detail.
 */
@MedicalDetail
public record HealthAssessment(String id, String personId, String type, LocalDate assessedOn,
                               Optional<String> clinicianId, boolean hasSealedDetails) {
}
