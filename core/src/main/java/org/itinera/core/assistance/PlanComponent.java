package org.itinera.core.assistance;

import java.math.BigDecimal;

/** One component of a plan, with its budget in minor units of {@code currency}. */
public record PlanComponent(String id, String planId, PlanCategory category, String description, long budgetMinor,
                            String currency) {
    public BigDecimal budget() {
        return Money.fromMinor(budgetMinor, currency);
    }
}
