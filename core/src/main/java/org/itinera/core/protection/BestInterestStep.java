package org.itinera.core.protection;

import java.time.LocalDate;
import java.util.Optional;

/** One step of a child's best-interest procedure, taken on a day, with its outcome. */
public record BestInterestStep(String id, String personId, Optional<String> caseId, BestInterestStepType step,
                               LocalDate takenOn, Optional<String> takenBy, Optional<String> outcome) {
}
