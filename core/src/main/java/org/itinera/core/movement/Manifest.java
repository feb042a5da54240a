package org.itinera.core.movement;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** A passenger manifest for one departure. */
public record Manifest(String id, String manifestNo, Flight flight, LocalDateTime departsLocal, ZoneId departsZone,
                       LocalDateTime checkInLocal, ManifestStatus status, String officeId) {
    /** Passengers can still be added or removed. */
    public boolean isOpen() {
        return status == ManifestStatus.DRAFT || status == ManifestStatus.FINAL;
    }
}
