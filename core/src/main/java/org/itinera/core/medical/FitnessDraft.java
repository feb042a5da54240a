package org.itinera.core.medical;

import java.time.LocalDate;

/**
 * A fitness-to-travel decision to record: the decision, the medical escort it needs and its
 * validity in the clear (movement officers and the manifest gate read them), the conditions of
 * travel sealed. {@code assessmentId} and {@code validUntil} may be null.
 */
public record FitnessDraft(String personId, String assessmentId, Fitness decision, EscortLevel escort,
                           LocalDate validFrom, LocalDate validUntil, String conditions) {
}
