package org.itinera.core.medical;

import java.time.LocalDate;
import java.util.Optional;

/** A person's latest fitness decision: the decision, the escort it needs, and its validity. No medical detail. */
public record FitnessStatus(String personId, Fitness decision, Optional<String> escort, LocalDate validFrom,
                            Optional<LocalDate> validUntil) {
}
