package org.itinera.core.medical;

import java.time.LocalDate;
import org.itinera.core.access.MedicalDetail;

/** A new assessment of a person: its type and date in the clear, its details to be sealed. */
@MedicalDetail
public record AssessmentDraft(String personId, AssessmentType type, LocalDate assessedOn, AssessmentDetails details) {
}
