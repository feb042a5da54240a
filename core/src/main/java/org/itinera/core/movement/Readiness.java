package org.itinera.core.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the facts of a batch of travellers in one go and runs the manifest gate on them for a departure day. */
final class Readiness {
    /** Reads the gate's facts of some movements (a {@link ReadinessRepository} inside a read). */
    @FunctionalInterface
    interface FactsReader {
        Map<String, TravellerFacts> read(Collection<String> movementIds);
    }

    private Readiness() {
    }

    /**
     * Travellers to check for one departure day. {@code together} are everyone on that departure:
     * a child with an adult of their household among them is accompanied.
     */
    record Group(LocalDate day, Collection<String> movementIds, Collection<String> together) {
    }

    /** Verdicts for one group, in the order of its movement ids. */
    static List<PassengerCheck> check(FactsReader reader, Collection<String> movementIds, LocalDate day,
                                      Collection<String> together) {
        return check(reader, List.of(new Group(day, movementIds, together))).getFirst();
    }

    /** Verdicts for several departures, reading every traveller's facts in one batch. */
    static List<List<PassengerCheck>> check(FactsReader reader, List<Group> groups) {
        Set<String> all = new LinkedHashSet<>();
        groups.forEach(g -> {
            all.addAll(g.movementIds());
            all.addAll(g.together());
        });
        Map<String, TravellerFacts> facts = all.isEmpty() ? Map.of() : reader.read(all);
        List<List<PassengerCheck>> out = new ArrayList<>();
        for (Group g : groups) {
            Set<String> travelling = new LinkedHashSet<>(g.together());
            travelling.addAll(g.movementIds());
            // households with an adult on this departure, and how many adults each has
            Map<String, Integer> adults = new HashMap<>();
            for (String id : travelling) {
                TravellerFacts o = facts.get(id);
                if (o != null && o.householdId() != null && !o.isMinorOn(g.day())) {
                    adults.merge(o.householdId(), 1, Integer::sum);
                }
            }
            List<PassengerCheck> checks = new ArrayList<>();
            for (String id : g.movementIds()) {
                TravellerFacts f = facts.get(id);
                if (f != null) {
                    int others = f.householdId() == null ? 0
                            : adults.getOrDefault(f.householdId(), 0) - (f.isMinorOn(g.day()) ? 0 : 1);
                    checks.add(verdict(f, g.day(), others > 0));
                }
            }
            out.add(checks);
        }
        return out;
    }

    private static PassengerCheck verdict(TravellerFacts f, LocalDate day, boolean accompanied) {
        return new PassengerCheck(f.movementId(), f.personId(), f.householdId(), f.name(), ManifestGate.fitnessShown(f, day),
                ManifestGate.check(f, day, accompanied));
    }
}
