package org.itinera.core.casefile;

/** One row of the case list. */
public record CaseSummary(String id, String caseNo, CaseType type, CaseStatus status, String personId,
                          String personName, String openedOn, String officeId) {
}
