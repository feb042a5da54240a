package org.itinera.core.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.movement.ManifestRepository.BookedTraveller;
import org.itinera.core.movement.MovementWorkflow.Route;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * The day of departure and after: the movement board of upcoming departures, check-in from the
 * manifest (each passenger checked again, boarded or no-show), the head count at departure, transit
 * and arrival of the whole manifest.
 */
public final class DepartureService {
    /** Travellers who still have to pass the gate for a departure (others have travelled or left it). */
    private static final Set<MovementStatus> TO_TRAVEL = Set.of(MovementStatus.DOCUMENTS_READY, MovementStatus.BOOKED,
            MovementStatus.FIT_TO_TRAVEL, MovementStatus.ON_MANIFEST);

    private final Store store;
    private final ManifestRepository manifests;
    private final MovementRepository movements;
    private final ReadinessRepository readiness;
    private final Transitions transitions;
    private final AccessPolicy access;
    private final Clock clock;

    public DepartureService(Store store, ManifestRepository manifests, MovementRepository movements,
                            ReadinessRepository readiness, AccessPolicy access, Clock clock) {
        this.store = store;
        this.manifests = manifests;
        this.movements = movements;
        this.readiness = readiness;
        this.transitions = new Transitions(movements, clock);
        this.access = access;
        this.clock = clock;
    }

    /**
     * A departure on the board: travellers booked, on the manifest, boarded, and how many of those
     * still to travel the gate would block today.
     */
    public record Departure(Flight flight, LocalDateTime departsLocal, ZoneId zone, int booked, int listed, int boarded,
                            int blocked, Optional<Manifest> manifest) {
    }

    /** The head count when a manifest departs. */
    public record HeadCount(int boarded, int noShows) {
    }

    /** Departures between two local dates (inclusive), earliest first, with their counts and blockers. */
    public List<Departure> board(Actor actor, LocalDate from, LocalDate until) {
        access.require(actor, Permission.MOVEMENT_READ);
        Collection<String> offices = access.offices(actor, Permission.MOVEMENT_READ);
        return store.read(dsl -> {
            Map<Flight, List<BookedTraveller>> byFlight = new LinkedHashMap<>();
            for (BookedTraveller b : manifests.bookedBetween(dsl, from, until)) {
                if (offices == null || offices.contains(b.officeId())) {
                    byFlight.computeIfAbsent(b.flight(), k -> new ArrayList<>()).add(b);
                }
            }
            Map<Flight, Manifest> withManifest = new LinkedHashMap<>();
            for (Manifest m : manifests.departingBetween(dsl, from, until)) {
                if (offices == null || offices.contains(m.officeId())) {
                    withManifest.put(m.flight(), m);
                    byFlight.computeIfAbsent(m.flight(), k -> new ArrayList<>());
                }
            }
            Map<String, Map<String, PassengerStatus>> lines = manifests.linesByManifest(dsl,
                    withManifest.values().stream().map(Manifest::id).toList());
            List<Flight> flights = new ArrayList<>(byFlight.keySet());
            List<Readiness.Group> groups = new ArrayList<>();
            for (Flight f : flights) {
                List<String> all = byFlight.get(f).stream().map(BookedTraveller::movementId).distinct().toList();
                List<String> toCheck = byFlight.get(f).stream().filter(b -> TO_TRAVEL.contains(b.status()))
                        .map(BookedTraveller::movementId).distinct().toList();
                groups.add(new Readiness.Group(f.date(), toCheck, all));
            }
            List<List<PassengerCheck>> checks = Readiness.check(ids -> readiness.facts(dsl, ids), groups);
            List<Departure> out = new ArrayList<>();
            for (int i = 0; i < flights.size(); i++) {
                Flight f = flights.get(i);
                List<BookedTraveller> booked = byFlight.get(f);
                Optional<Manifest> m = Optional.ofNullable(withManifest.get(f));
                Map<String, PassengerStatus> onIt = m.map(x -> lines.getOrDefault(x.id(), Map.of())).orElse(Map.of());
                LocalDateTime departs = booked.stream().map(BookedTraveller::departsLocal).min(Comparator.naturalOrder())
                        .orElse(m.map(Manifest::departsLocal).orElse(f.date().atStartOfDay()));
                ZoneId zone = booked.isEmpty() ? m.map(Manifest::departsZone).orElse(null) : booked.getFirst().zone();
                out.add(new Departure(f, departs, zone, (int) booked.stream().map(BookedTraveller::movementId).distinct().count(),
                        onIt.size(), (int) onIt.values().stream().filter(s -> s == PassengerStatus.BOARDED).count(),
                        (int) checks.get(i).stream().filter(PassengerCheck::blocked).count(), m));
            }
            out.sort(Comparator.comparing(Departure::departsLocal).thenComparing(d -> d.flight().code()));
            return out;
        });
    }

    /**
     * Boards a passenger at check-in after checking them again on the day (a document that expired,
     * consent withdrawn or a fitness decision no longer valid stops them). Returns the verdict.
     */
    public PassengerCheck board(Actor actor, String manifestId, String movementId, String seat) {
        Manifest m = openManifest(actor, manifestId);
        Map<String, PassengerStatus> lines = linesRequiring(m, movementId, PassengerStatus.LISTED);
        new Validator().check("seat", seat == null || seat.isBlank() ? null : seat.strip(),
                s -> s.matches("[0-9]{1,3}[A-Ka-k]"), "movement.error.seat").throwIfInvalid();
        PassengerCheck check = store.read(dsl -> Readiness.check(ids -> readiness.facts(dsl, ids), List.of(movementId),
                m.flight().date(), lines.keySet())).getFirst();
        if (check.blocked()) {
            throw new GateRefusedException(List.of(check));
        }
        store.write(actor, AuditEvent.ok("MANIFEST_BOARD", "manifest", m.id()), tx -> {
            manifests.setPassengerStatus(tx, m.id(), movementId, PassengerStatus.BOARDED, null, clock.instant(),
                    seat == null || seat.isBlank() ? null : seat.strip().toUpperCase(java.util.Locale.ROOT));
            transitions.event(tx, actor, movementId, MovementEventType.BOARDED, null, m.flight().from(), null);
            return null;
        });
        return check;
    }

    /** Undoes a boarding recorded by mistake (the passenger is listed again). */
    public void unboard(Actor actor, String manifestId, String movementId) {
        Manifest m = openManifest(actor, manifestId);
        linesRequiring(m, movementId, PassengerStatus.BOARDED);
        store.write(actor, AuditEvent.ok("MANIFEST_UNBOARD", "manifest", m.id()), tx -> {
            manifests.setPassengerStatus(tx, m.id(), movementId, PassengerStatus.LISTED, null, clock.instant(), null);
            return null;
        });
    }

    /** Records a passenger who did not come: off the departure, with the reason; the manifest must be printed again. */
    public void noShow(Actor actor, String manifestId, String movementId, String reason) {
        Manifest m = openManifest(actor, manifestId);
        linesRequiring(m, movementId, PassengerStatus.LISTED);
        Transitions.check(MovementStatus.ON_MANIFEST, MovementStatus.NO_SHOW, Route.CHECK_IN, reason, null);
        store.write(actor, AuditEvent.ok("MANIFEST_NO_SHOW", "manifest", m.id()), tx -> {
            manifests.setPassengerStatus(tx, m.id(), movementId, PassengerStatus.NO_SHOW, reason.strip(), clock.instant(), null);
            transitions.apply(tx, actor, movementId, MovementStatus.NO_SHOW, Route.CHECK_IN, MovementEventType.NO_SHOW,
                    reason, m.flight().from());
            if (m.status() == ManifestStatus.FINAL) {
                manifests.setStatus(tx, m.id(), ManifestStatus.DRAFT);
            }
            return null;
        });
    }

    /**
     * Closes check-in and records the departure: every passenger must be boarded or a no-show, and
     * the manifest printed as it is now (after no-shows). Returns the head count.
     */
    public HeadCount depart(Actor actor, String manifestId) {
        Manifest m = openManifest(actor, manifestId);
        Map<String, PassengerStatus> lines = store.read(dsl -> manifests.lines(dsl, List.of(m.id())));
        long waiting = lines.values().stream().filter(s -> s == PassengerStatus.LISTED).count();
        List<String> boarded = lines.entrySet().stream().filter(e -> e.getValue() == PassengerStatus.BOARDED)
                .map(Map.Entry::getKey).sorted().toList();
        int noShows = (int) lines.values().stream().filter(s -> s == PassengerStatus.NO_SHOW).count();
        if (waiting > 0) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.notCheckedIn", waiting));
        }
        if (boarded.isEmpty()) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.emptyManifest"));
        }
        if (m.status() != ManifestStatus.FINAL) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.printFirst"));
        }
        store.write(actor, AuditEvent.ok("MANIFEST_DEPART", "manifest", m.id(), "boarded=" + boarded.size()), tx -> {
            for (String id : boarded) {
                transitions.apply(tx, actor, id, MovementStatus.DEPARTED, Route.CHECK_IN, MovementEventType.DEPARTED, null,
                        m.flight().from());
            }
            manifests.setStatus(tx, m.id(), ManifestStatus.DEPARTED);
            return null;
        });
        return new HeadCount(boarded.size(), noShows);
    }

    /** Everyone who departed on the manifest is in transit at an airport on the way. */
    public int transit(Actor actor, String manifestId, String place) {
        return afterDeparture(actor, manifestId, MovementStatus.IN_TRANSIT, place, false);
    }

    /** Everyone who departed on the manifest has arrived at its destination; the manifest is closed. */
    public int arrive(Actor actor, String manifestId) {
        Manifest m = store.read(dsl -> manifests.find(dsl, manifestId)).orElseThrow();
        return afterDeparture(actor, manifestId, MovementStatus.ARRIVED, m.flight().to(), true);
    }

    private int afterDeparture(Actor actor, String manifestId, MovementStatus to, String place, boolean close) {
        Manifest m = store.read(dsl -> manifests.find(dsl, manifestId))
                .orElseThrow(() -> new IllegalArgumentException("no manifest " + manifestId));
        access.require(actor, Permission.MOVEMENT_WRITE, m.officeId());
        if (m.status() != ManifestStatus.DEPARTED) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.notDeparted"));
        }
        if (place == null || place.isBlank()) {
            throw new ValidationException(List.of(FieldError.of("place", "movement.error.placeRequired")));
        }
        List<Traveller> travellers = store.read(dsl -> movements.travellers(dsl,
                manifests.lines(dsl, List.of(m.id())).entrySet().stream().filter(e -> e.getValue() == PassengerStatus.BOARDED)
                        .map(Map.Entry::getKey).toList(), LocalDate.now(clock)));
        List<String> moving = travellers.stream().filter(t -> MovementWorkflow.edge(t.status(), to).isPresent())
                .map(Traveller::movementId).toList();
        MovementEventType type = to == MovementStatus.ARRIVED ? MovementEventType.ARRIVED : MovementEventType.TRANSIT;
        store.write(actor, AuditEvent.ok("MANIFEST_" + to.name(), "manifest", m.id(), "passengers=" + moving.size()), tx -> {
            for (String id : moving) {
                transitions.apply(tx, actor, id, to, Route.MANUAL, type, null, place.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (close) {
                manifests.setStatus(tx, m.id(), ManifestStatus.CLOSED);
            }
            return null;
        });
        return moving.size();
    }

    /** The manifest's lines, once it is sure the passenger's line is in the status the action needs. */
    private Map<String, PassengerStatus> linesRequiring(Manifest m, String movementId, PassengerStatus needed) {
        Map<String, PassengerStatus> lines = store.read(dsl -> manifests.lines(dsl, List.of(m.id())));
        if (lines.get(movementId) != needed) {
            throw new MovementRefusedException(UserMessage.of(needed == PassengerStatus.BOARDED
                    ? "movement.refused.notBoarded" : "movement.refused.notListed"));
        }
        return lines;
    }

    private Manifest openManifest(Actor actor, String manifestId) {
        Manifest m = store.read(dsl -> manifests.find(dsl, manifestId))
                .orElseThrow(() -> new IllegalArgumentException("no manifest " + manifestId));
        access.require(actor, Permission.MOVEMENT_WRITE, m.officeId());
        ManifestService.requireOpen(m);
        return m;
    }
}
