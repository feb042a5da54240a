package org.itinera.desktop.movement;

import java.time.format.DateTimeFormatter;
import org.itinera.core.movement.Manifest;
import org.itinera.core.reference.Airport;
import org.itinera.core.reference.ReferenceData;
import org.itinera.desktop.i18n.Messages;

/** How the movement screens write places, departures and manifests. */
final class MovementText {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MovementText() {
    }

    /** "DSS Dakar": the IATA code and the city. */
    static String place(ReferenceData reference, String iata) {
        return iata + " " + reference.airport(iata).map(Airport::city).orElse("");
    }

    static String title(Messages m, ReferenceData reference, Manifest x) {
        String when = x.departsLocal() == null ? x.flight().date().toString()
                : WHEN.format(x.departsLocal()) + (x.departsZone() == null ? "" : " (" + x.departsZone().getId() + ")");
        return m.get("manifest.title", x.manifestNo(), x.flight().code(), place(reference, x.flight().from()),
                place(reference, x.flight().to()), when, m.label(x.status()));
    }
}
