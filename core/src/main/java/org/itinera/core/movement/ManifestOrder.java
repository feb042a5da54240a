package org.itinera.core.movement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order of a manifest's lines: households together (oldest member first, then by age), groups
 * in alphabetical order of their first member, lines taken off at the end.
 */
final class ManifestOrder {
    private static final Comparator<ManifestPassenger> IN_GROUP = Comparator
            .comparingInt((ManifestPassenger p) -> p.age() < 0 ? Integer.MIN_VALUE : -p.age())
            .thenComparing(p -> p.latinName().toLowerCase(Locale.ROOT));

    private ManifestOrder() {
    }

    static List<ManifestPassenger> sorted(List<ManifestPassenger> lines) {
        Map<String, List<ManifestPassenger>> groups = new LinkedHashMap<>();
        List<ManifestPassenger> removed = new ArrayList<>();
        for (ManifestPassenger p : lines) {
            if (p.status() == PassengerStatus.REMOVED) {
                removed.add(p);
            } else {
                groups.computeIfAbsent(p.householdId() != null ? p.householdId() : p.movementId(), k -> new ArrayList<>()).add(p);
            }
        }
        List<List<ManifestPassenger>> ordered = new ArrayList<>(groups.values());
        ordered.forEach(g -> g.sort(IN_GROUP));
        ordered.sort(Comparator.comparing((List<ManifestPassenger> g) -> g.getFirst().latinName().toLowerCase(Locale.ROOT))
                .thenComparing(g -> g.getFirst().movementId()));
        List<ManifestPassenger> out = new ArrayList<>();
        ordered.forEach(out::addAll);
        removed.sort(IN_GROUP);
        out.addAll(removed);
        return out;
    }
}
