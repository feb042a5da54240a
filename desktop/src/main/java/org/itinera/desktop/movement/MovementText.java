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

    /** "2026-11-26 09:40 WAT": local time with the zone's short name. */
    static String local(java.time.LocalDateTime t, java.time.ZoneId zone, Messages m) {
        return t == null ? "" : WHEN.format(t) + (zone == null ? ""
                : " " + zone.getDisplayName(java.time.format.TextStyle.SHORT, m.locale()));
    }

    /** "DSS Dakar": the IATA code and the city. */
    static String place(ReferenceData reference, String iata) {
        return iata + " " + reference.airport(iata).map(Airport::city).orElse("");
    }

    static String title(Messages m, ReferenceData reference, Manifest x) {
        String when = x.departsLocal() == null ? x.flight().date().toString() : local(x.departsLocal(), x.departsZone(), m);
        return m.get("manifest.title", x.manifestNo(), x.flight().code(), place(reference, x.flight().from()),
                place(reference, x.flight().to()), when, m.label(x.status()));
    }
}
