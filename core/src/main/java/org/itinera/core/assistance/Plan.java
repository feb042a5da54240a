package org.itinera.core.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A reintegration plan of a case, with its components. */
public record Plan(String id, String caseId, PlanStatus status, LocalDate draftedOn, Optional<LocalDate> approvedOn,
                   String currency, Optional<String> notes, List<PlanComponent> components) {
    public Plan {
        components = List.copyOf(components);
    }

    /** The sum of the components' budgets. */
    public BigDecimal budget() {
        return Money.fromMinor(components.stream().mapToLong(PlanComponent::budgetMinor).sum(), currency);
    }
}
