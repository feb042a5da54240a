package org.itinera.core.assistance;

import java.util.List;

/** A new reintegration plan for a case: its currency (ISO 4217), a note and its components. */
public record PlanDraft(String caseId, String currency, String notes, List<ComponentDraft> components) {
    public PlanDraft {
        components = components == null ? List.of() : List.copyOf(components);
    }
}
