package org.itinera.core.movement;

import java.time.LocalDateTime;

/** A new manifest for a departure: the flight, its scheduled local time and when passengers report. */
public record ManifestDraft(Flight flight, LocalDateTime departsLocal, LocalDateTime checkInLocal, String officeId) {
}
