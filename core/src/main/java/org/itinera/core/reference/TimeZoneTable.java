package org.itinera.core.reference;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone of an airport. The airport list has no zones, so they are derived: a country with
 * one zone (every country the missions fly from) takes it; in a country with several (USA, Canada,
 * Brazil, DR Congo…) the airport takes the zone whose principal location (tzdb zone.tab) is nearest,
 * unless a short list of known border cases says otherwise. See docs/decisions/0008.
 */
final class TimeZoneTable {
    private record Entry(double lat, double lon, ZoneId zone) {
    }

    private final Map<String, List<Entry>> byCountry = new HashMap<>();
    private final Map<String, ZoneId> overrides = new HashMap<>();

    TimeZoneTable(InputStream zones, InputStream airportOverrides) {
        for (Map<String, String> r : Csv.read(zones)) {
            byCountry.computeIfAbsent(r.get("country_iso2"), k -> new ArrayList<>())
                    .add(new Entry(Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon")), ZoneId.of(r.get("zone"))));
        }
        for (Map<String, String> r : Csv.read(airportOverrides)) {
            overrides.put(r.get("iata"), ZoneId.of(r.get("zone")));
        }
    }

    Optional<ZoneId> zoneOf(Airport airport) {
        ZoneId override = overrides.get(airport.iata());
        if (override != null) {
            return Optional.of(override);
        }
        List<Entry> candidates = byCountry.getOrDefault(airport.countryAlpha2(), List.of());
        Entry best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Entry e : candidates) {
            double d = distance(airport.lat(), airport.lon(), e.lat(), e.lon());
            if (d < bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return Optional.ofNullable(best).map(Entry::zone);
    }

    /** Central angle between two points (haversine); only compared, so no Earth radius. */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
