package org.itinera.core.protection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** A recorded vulnerability screening. */
public record Screening(String id, String personId, Optional<String> caseId, LocalDate screenedOn,
                        Optional<String> screenedBy, Set<Vulnerability> needs, Optional<String> otherNeed,
                        RiskLevel risk, boolean restricted, Optional<String> safetyPlan, Optional<String> notes) {
    public Screening {
        needs = Set.copyOf(needs);
    }
}
