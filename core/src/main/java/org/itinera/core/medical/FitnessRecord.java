package org.itinera.core.medical;

import java.time.LocalDate;
import java.util.Optional;
import org.itinera.core.access.MedicalDetail;

/** A recorded fitness decision as medical staff see it, with its conditions of travel opened. */
@MedicalDetail
public record FitnessRecord(String id, String personId, Optional<String> assessmentId, Fitness decision,
                            EscortLevel escort, LocalDate validFrom, Optional<LocalDate> validUntil, String decidedAt,
                            Optional<String> decidedBy, @MedicalDetail Optional<String> conditions) {
}
