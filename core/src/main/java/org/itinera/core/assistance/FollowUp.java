package org.itinera.core.assistance;

import java.time.LocalDate;
import java.util.Optional;

/** A recorded follow-up visit. */
public record FollowUp(String id, String caseId, LocalDate visitOn, VisitType visitType,
                       Optional<Integer> sustainabilityScore, Optional<String> notes, Optional<String> visitedBy) {
}
