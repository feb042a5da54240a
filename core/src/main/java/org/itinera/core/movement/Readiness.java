package org.itinera.core.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** Reads the facts of a batch of travellers and runs the manifest gate on them for a departure day. */
final class Readiness {
    private final ReadinessRepository repository;

    Readiness(ReadinessRepository repository) {
        this.repository = repository;
    }

    /**
     * Travellers to check for one departure day. {@code together} are everyone on that departure:
     * a child with an adult of their household among them is accompanied.
     */
    record Group(LocalDate day, Collection<String> movementIds, Collection<String> together) {
    }

    /** Verdicts for one group, in the order of its movement ids. */
    List<PassengerCheck> check(DSLContext dsl, Collection<String> movementIds, LocalDate day, Collection<String> together) {
        return check(dsl, List.of(new Group(day, movementIds, together))).getFirst();
    }

    /** Verdicts for several departures, reading every traveller's facts in one batch. */
    List<List<PassengerCheck>> check(DSLContext dsl, List<Group> groups) {
        Set<String> all = new LinkedHashSet<>();
        groups.forEach(g -> {
            all.addAll(g.movementIds());
            all.addAll(g.together());
        });
        Map<String, TravellerFacts> facts = all.isEmpty() ? Map.of() : repository.facts(dsl, all);
        List<List<PassengerCheck>> out = new ArrayList<>();
        for (Group g : groups) {
            Set<String> travelling = new LinkedHashSet<>(g.together());
            travelling.addAll(g.movementIds());
            List<PassengerCheck> checks = new ArrayList<>();
            for (String id : g.movementIds()) {
                TravellerFacts f = facts.get(id);
                if (f != null) {
                    checks.add(verdict(f, g.day(), accompanied(f, g.day(), travelling, facts)));
                }
            }
            out.add(checks);
        }
        return out;
    }

    private static boolean accompanied(TravellerFacts f, LocalDate day, Set<String> travelling, Map<String, TravellerFacts> facts) {
        if (f.householdId() == null) {
            return false;
        }
        for (String other : travelling) {
            TravellerFacts o = facts.get(other);
            if (o != null && !other.equals(f.movementId()) && f.householdId().equals(o.householdId()) && !o.isMinorOn(day)) {
                return true;
            }
        }
        return false;
    }

    private static PassengerCheck verdict(TravellerFacts f, LocalDate day, boolean accompanied) {
        return new PassengerCheck(f.movementId(), f.personId(), f.householdId(), f.name(), ManifestGate.fitnessShown(f, day),
                ManifestGate.check(f, day, accompanied));
    }

    TravellerFacts facts(DSLContext dsl, String movementId) {
        TravellerFacts f = repository.facts(dsl, List.of(movementId)).get(movementId);
        if (f == null) {
            throw new IllegalArgumentException("no movement " + movementId);
        }
        return f;
    }
}
