package org.itinera.core.movement;

import java.time.LocalDate;

/** One person's movement (a household travelling together has one each, sharing the household id). */
public record Movement(String id, String caseId, String personId, String householdId, MovementType type,
                       MovementStatus status, String statusReason, LocalDate requestedOn, String originCountry,
                       String destinationCountry, String destinationPlace, boolean fitnessRequired, String officeId) {
}
