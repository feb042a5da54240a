package org.itinera.core.assistance;

import java.time.LocalDate;

/**
 * A follow-up or monitoring visit. The sustainability score is a short 0–10 judgement of how
 * well the reintegration holds (income, housing, ties); it is optional when the visit could not tell.
 */
public record FollowUpDraft(String caseId, LocalDate visitOn, VisitType visitType, Integer sustainabilityScore,
                            String notes) {
}
