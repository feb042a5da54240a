package org.itinera.core.casefile;

/** What is needed to open a case for a person (and optionally their household). */
public record CaseDraft(CaseType type, String personId, String householdId, String officeId,
                        String destinationCountry, String summary) {
}
