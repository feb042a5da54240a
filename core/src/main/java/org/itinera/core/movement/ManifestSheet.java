package org.itinera.core.movement;

import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a manifest: the departure, the passengers who travel (listed or boarded,
 * households together), the escorts, and who printed it when. {@code watermark} marks a preview
 * that may not be used for travel (null on a real print).
 */
public record ManifestSheet(Manifest manifest, String fromName, String toName, String officeName,
                            List<ManifestPassenger> passengers, List<Escort> escorts, String printedBy,
                            Instant printedAt, String watermark, ManifestLabels labels) {
    public ManifestSheet {
        passengers = List.copyOf(passengers);
        escorts = List.copyOf(escorts);
    }
}
