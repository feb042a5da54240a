package org.itinera.core.assistance;

import java.math.BigDecimal;

/** A component to add to a plan: what it is for and its budget in the plan's currency. */
public record ComponentDraft(PlanCategory category, String description, BigDecimal budget) {
}
