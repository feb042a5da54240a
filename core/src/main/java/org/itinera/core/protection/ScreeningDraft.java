package org.itinera.core.protection;

import java.time.LocalDate;
import java.util.Set;

/**
 * A vulnerability screening to record. {@code caseId}, {@code otherNeed}, {@code safetyPlan} and
 * {@code notes} may be null. {@code restrict} marks the case restricted (need-to-know) as well.
 */
public record ScreeningDraft(String personId, String caseId, LocalDate screenedOn, Set<Vulnerability> needs,
                             String otherNeed, RiskLevel risk, String safetyPlan, String notes, boolean restrict) {
    public ScreeningDraft {
        needs = needs == null ? Set.of() : Set.copyOf(needs);
    }
}
