package org.itinera.core.movement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.movement.GateProblem.Kind;
import org.itinera.core.movement.ManifestRepository.BookedTraveller;
import org.itinera.core.movement.MovementWorkflow.Route;
import org.itinera.core.organisation.Office;
import org.itinera.core.organisation.OfficeService;
import org.itinera.core.reference.Airport;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Manifests: one per departure, filled with travellers booked on it (one by one or by household),
 * through a gate that refuses anyone without a valid travel document, a fitness-to-travel decision
 * valid on the departure date (when needed) or consent to travel; printed to PDF only when every
 * passenger passes the gate again.
 */
public final class ManifestService {
    private static final Set<MovementStatus> ADDABLE = Set.of(MovementStatus.BOOKED, MovementStatus.FIT_TO_TRAVEL);

    private final Store store;
    private final ManifestRepository manifests;
    private final ReadinessRepository readiness;
    private final Transitions transitions;
    private final AccessPolicy access;
    private final ReferenceData reference;
    private final OfficeService offices;
    private final ManifestPrinter printer;
    private final Clock clock;

    public ManifestService(Store store, ManifestRepository manifests, MovementRepository movements,
                           ReadinessRepository readiness, AccessPolicy access, ReferenceData reference,
                           OfficeService offices, ManifestPrinter printer, Clock clock) {
        this.store = store;
        this.manifests = manifests;
        this.readiness = readiness;
        this.transitions = new Transitions(movements, clock);
        this.access = access;
        this.reference = reference;
        this.offices = offices;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * A manifest as the editor shows it: its lines, the gate's verdict on each passenger listed (checked
     * again now), and the travellers booked on the departure who are not on it yet, with theirs.
     */
    public record Review(Manifest manifest, List<ManifestPassenger> passengers, List<PassengerCheck> listed,
                         List<PassengerCheck> candidates) {
        public long blocked() {
            return listed.stream().filter(PassengerCheck::blocked).count();
        }
    }

    public Manifest create(Actor actor, ManifestDraft d) {
        access.require(actor, Permission.MOVEMENT_WRITE, d.officeId());
        Flight f = d.flight();
        Validator v = new Validator();
        if (f == null) {
            v.add(FieldError.of("flight", "validation.required"));
            v.throwIfInvalid();
        }
        v.required("carrier", f.carrier()).required("serviceNo", f.serviceNo())
                .check("from", f.from(), a -> reference.airport(a).isPresent(), "movement.error.airport")
                .check("to", f.to(), a -> reference.airport(a).isPresent(), "movement.error.airport")
                .required("from", f.from()).required("to", f.to())
                .required("date", f.date() == null ? null : f.date().toString())
                .check("date", f.date(), day -> !day.isBefore(LocalDate.now(clock)), "movement.error.departureInPast")
                .check("checkIn", d.checkInLocal(), c -> d.departsLocal() == null || !c.isAfter(d.departsLocal()),
                        "movement.error.checkInAfterDeparture")
                .check("departsLocal", d.departsLocal(), t -> f.date() == null || t.toLocalDate().equals(f.date()),
                        "movement.error.times")
                .throwIfInvalid();
        Flight flight = new Flight(f.carrier().strip().toUpperCase(Locale.ROOT), f.serviceNo().strip().toUpperCase(Locale.ROOT),
                f.from().strip().toUpperCase(Locale.ROOT), f.to().strip().toUpperCase(Locale.ROOT), f.date());
        if (store.read(dsl -> manifests.forFlight(dsl, flight)).isPresent()) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.manifestExists", flight.code(),
                    flight.date().toString()));
        }
        String id = store.ids().next();
        String officeCode = offices.find(d.officeId()).map(Office::code).orElse("XX");
        Manifest m = new Manifest(id, manifestNumber(officeCode, flight.date(), id), flight, d.departsLocal(),
                reference.zoneOf(flight.from()).orElse(null), d.checkInLocal(), ManifestStatus.DRAFT, d.officeId());
        store.write(actor, AuditEvent.ok("MANIFEST_CREATE", "manifest", id), tx -> {
            manifests.insert(tx, m);
            return null;
        });
        return m;
    }

    /**
     * The manifest of a departure on the board, created from its bookings when it has none yet:
     * opening an existing one needs read access to its office, creating one needs write access.
     */
    public Manifest openFor(Actor actor, Flight flight) {
        access.require(actor, Permission.MOVEMENT_READ);
        Optional<Manifest> existing = store.read(dsl -> manifests.forFlight(dsl, flight));
        if (existing.isPresent()) {
            access.require(actor, Permission.MOVEMENT_READ, existing.get().officeId());
            return existing.get();
        }
        List<BookedTraveller> booked = store.read(dsl -> manifests.bookedOn(dsl, flight));
        LocalDateTime departs = booked.stream().map(BookedTraveller::departsLocal).min(LocalDateTime::compareTo).orElse(null);
        String office = booked.stream().map(BookedTraveller::officeId).filter(java.util.Objects::nonNull).findFirst()
                .orElse(actor.officeId().orElse(null));
        // passengers report three hours before an international flight
        return create(actor, new ManifestDraft(flight, departs, departs == null ? null : departs.minusHours(3), office));
    }

    /**
     * Manifest numbers must be unique across laptops that never talk to each other, so they end
     * with hex digits of the manifest's random id rather than a shared counter.
     */
    public static String manifestNumber(String officeCode, LocalDate date, String uuid) {
        String tail = uuid.replace("-", "").substring(20, 26).toUpperCase(Locale.ROOT);
        String office = officeCode.length() > 3 ? officeCode.substring(0, 3) : officeCode;
        return "M-" + office.toUpperCase(Locale.ROOT) + "-" + date.toString().replace("-", "").substring(2) + "-" + tail;
    }

    public Optional<Manifest> find(Actor actor, String manifestId) {
        Optional<Manifest> m = store.read(dsl -> manifests.find(dsl, manifestId));
        access.require(actor, Permission.MOVEMENT_READ, m.map(Manifest::officeId).orElse(null));
        return m;
    }

    public Review review(Actor actor, String manifestId) {
        Manifest m = require(actor, manifestId, Permission.MOVEMENT_READ);
        Collection<String> visible = access.offices(actor, Permission.MOVEMENT_READ);
        return store.read(dsl -> {
            List<ManifestPassenger> lines = ManifestOrder.sorted(manifests.passengers(dsl, m));
            List<String> listed = lines.stream().filter(p -> p.status() == PassengerStatus.LISTED).map(ManifestPassenger::movementId).toList();
            Set<String> onIt = lines.stream().filter(p -> p.status() != PassengerStatus.REMOVED)
                    .map(ManifestPassenger::movementId).collect(Collectors.toSet());
            List<String> candidates = manifests.bookedOn(dsl, m.flight()).stream()
                    .filter(b -> ADDABLE.contains(b.status()) && !onIt.contains(b.movementId()))
                    .filter(b -> visible == null || visible.contains(b.officeId()))
                    .map(BookedTraveller::movementId).distinct().toList();
            List<String> travelling = lines.stream().filter(p -> p.status() == PassengerStatus.LISTED
                    || p.status() == PassengerStatus.BOARDED).map(ManifestPassenger::movementId).toList();
            List<List<PassengerCheck>> checks = Readiness.check(ids -> readiness.facts(dsl, ids), List.of(
                    new Readiness.Group(m.flight().date(), listed, travelling),
                    new Readiness.Group(m.flight().date(), candidates, travelling)));
            return new Review(m, lines, checks.get(0), checks.get(1));
        });
    }

    /**
     * Puts travellers booked on this departure on the manifest, all or none: each must pass the gate,
     * and a household travels together unless {@code splitHousehold} confirms leaving members behind.
     * A booked traveller's fit-to-travel step is recorded first (the gate has just checked it).
     */
    public void add(Actor actor, String manifestId, List<String> movementIds, boolean splitHousehold) {
        Manifest m = require(actor, manifestId, Permission.MOVEMENT_WRITE);
        requireOpen(m);
        if (movementIds.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("travellers", "movement.error.persons")));
        }
        Map<String, BookedTraveller> booked = store.read(dsl -> manifests.bookedOn(dsl, m.flight())).stream()
                .collect(Collectors.toMap(BookedTraveller::movementId, Function.identity(), (a, b) -> a));
        Map<String, PassengerStatus> lines = store.read(dsl -> manifests.lines(dsl, List.of(m.id())));
        Set<String> requested = new LinkedHashSet<>(movementIds);
        requested.removeAll(lines.keySet());
        if (requested.isEmpty()) {
            return;
        }
        for (String id : requested) {
            BookedTraveller b = booked.get(id);
            access.require(actor, Permission.MOVEMENT_WRITE, b == null ? null : b.officeId());
        }
        List<String> together = new ArrayList<>(lines.keySet());
        together.addAll(requested);
        List<PassengerCheck> checks = store.read(dsl -> Readiness.check(ids -> readiness.facts(dsl, ids), requested,
                m.flight().date(), together));
        List<PassengerCheck> blocked = new ArrayList<>();
        for (PassengerCheck c : checks) {
            List<GateProblem> problems = new ArrayList<>(c.problems());
            BookedTraveller b = booked.get(c.movementId());
            if (b == null) {
                problems.addFirst(GateProblem.of(Kind.NOT_BOOKED));
            } else if (!ADDABLE.contains(b.status())) {
                problems.addFirst(GateProblem.of(Kind.WRONG_STATUS, b.status().name()));
            }
            if (!splitHousehold && c.householdId() != null && leftBehind(c.householdId(), booked, requested, lines)) {
                problems.add(GateProblem.of(Kind.HOUSEHOLD_SPLIT));
            }
            if (!problems.isEmpty()) {
                blocked.add(new PassengerCheck(c.movementId(), c.personId(), c.householdId(), c.name(), c.fitness(), problems));
            }
        }
        if (!blocked.isEmpty()) {
            throw new GateRefusedException(blocked);
        }
        store.write(actor, AuditEvent.ok("MANIFEST_ADD", "manifest", m.id(), "passengers=" + requested.size()), tx -> {
            for (String id : requested) {
                BookedTraveller b = booked.get(id);
                if (b.status() == MovementStatus.BOOKED) {
                    transitions.apply(tx, actor, id, MovementStatus.FIT_TO_TRAVEL, Route.MANUAL,
                            MovementEventType.TRANSITION, null, null);
                }
                transitions.apply(tx, actor, id, MovementStatus.ON_MANIFEST, Route.MANIFEST, MovementEventType.TRANSITION,
                        null, null);
                manifests.insertPassenger(tx, tx.ids().next(), m.id(), id, b.bookingPassengerId());
            }
            backToDraft(tx, m);
            return null;
        });
    }

    /** Another member of the household is booked on this departure but would stay behind. */
    private static boolean leftBehind(String householdId, Map<String, BookedTraveller> booked, Set<String> requested,
                                      Map<String, PassengerStatus> lines) {
        return booked.values().stream().anyMatch(b -> householdId.equals(b.householdId()) && ADDABLE.contains(b.status())
                && !requested.contains(b.movementId()) && !lines.containsKey(b.movementId()));
    }

    /** Takes a passenger off the manifest; their movement goes back to fit to travel. */
    public void remove(Actor actor, String manifestId, String movementId, String reason) {
        Manifest m = require(actor, manifestId, Permission.MOVEMENT_WRITE);
        requireOpen(m);
        new Validator().maxLength("reason", reason, 500).throwIfInvalid();
        Map<String, PassengerStatus> lines = store.read(dsl -> manifests.lines(dsl, List.of(m.id())));
        if (lines.get(movementId) != PassengerStatus.LISTED) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.notListed"));
        }
        store.write(actor, AuditEvent.ok("MANIFEST_REMOVE", "manifest", m.id()), tx -> {
            manifests.setPassengerStatus(tx, m.id(), movementId, PassengerStatus.REMOVED, reason, null, null);
            transitions.apply(tx, actor, movementId, MovementStatus.FIT_TO_TRAVEL, Route.MANIFEST,
                    MovementEventType.TRANSITION, reason, null);
            backToDraft(tx, m);
            return null;
        });
    }

    /**
     * Prints the manifest (PDF) after checking every passenger again; refuses, naming each blocked
     * passenger, when one no longer passes. The manifest becomes final until it changes.
     */
    public void print(Actor actor, String manifestId, ManifestLabels labels, OutputStream out) {
        Manifest m = require(actor, manifestId, Permission.MANIFEST_PRINT);
        if (m.status() == ManifestStatus.CANCELLED) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.manifestClosed"));
        }
        Review r = review(actor, manifestId);
        List<ManifestPassenger> travelling = travelling(r);
        if (travelling.isEmpty()) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.emptyManifest"));
        }
        List<PassengerCheck> blocked = m.isOpen() ? r.listed().stream().filter(PassengerCheck::blocked).toList() : List.of();
        if (!blocked.isEmpty()) {
            store.auditOnly(actor, new AuditEvent("MANIFEST_PRINT", "manifest", m.id(), AuditEvent.Outcome.FAILED,
                    "blocked=" + blocked.size()));
            throw new GateRefusedException(blocked);
        }
        byte[] pdf = render(actor, r, travelling, labels, null);
        store.write(actor, AuditEvent.ok("MANIFEST_PRINT", "manifest", m.id(), "passengers=" + travelling.size()), tx -> {
            if (m.status() == ManifestStatus.DRAFT) {
                manifests.setStatus(tx, m.id(), ManifestStatus.FINAL);
            }
            return null;
        });
        write(out, pdf);
    }

    /** Loads the printer's fonts ahead of the first print (call it in the background when a manifest opens). */
    public void preparePrinting() {
        printer.prepare();
    }

    /** The manifest as it would print, marked as not valid for travel while a passenger is blocked. */
    public void preview(Actor actor, String manifestId, ManifestLabels labels, OutputStream out) {
        require(actor, manifestId, Permission.MANIFEST_PRINT);
        Review r = review(actor, manifestId);
        long blocked = r.manifest().isOpen() ? r.blocked() : 0;
        String mark = blocked > 0 ? labels.get("manifest.pdf.blockedMark", blocked)
                : r.manifest().status() == ManifestStatus.DRAFT ? labels.get("manifest.pdf.draftMark") : null;
        store.auditOnly(actor, AuditEvent.ok("MANIFEST_PREVIEW", "manifest", manifestId));
        write(out, render(actor, r, travelling(r), labels, mark));
    }

    private static List<ManifestPassenger> travelling(Review r) {
        return r.passengers().stream()
                .filter(p -> p.status() == PassengerStatus.LISTED || p.status() == PassengerStatus.BOARDED).toList();
    }

    private byte[] render(Actor actor, Review r, List<ManifestPassenger> travelling, ManifestLabels labels, String mark) {
        Manifest m = r.manifest();
        ManifestSheet sheet = new ManifestSheet(m, place(m.flight().from()), place(m.flight().to()),
                offices.find(m.officeId()).map(o -> o.name() + " (" + o.code() + ")").orElse(""), travelling,
                store.read(dsl -> manifests.escortsOf(dsl, m.id())), actor.displayName(), clock.instant(), mark, labels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            printer.print(sheet, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String place(String iata) {
        return reference.airport(iata).map(Airport::city).filter(c -> !c.isBlank())
                .or(() -> reference.airport(iata).map(Airport::name)).orElse("");
    }

    private static void write(OutputStream out, byte[] pdf) {
        try {
            out.write(pdf);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void backToDraft(org.itinera.core.store.WriteTx tx, Manifest m) {
        if (m.status() == ManifestStatus.FINAL) {
            manifests.setStatus(tx, m.id(), ManifestStatus.DRAFT);
        }
    }

    private Manifest require(Actor actor, String manifestId, Permission permission) {
        Manifest m = store.read(dsl -> manifests.find(dsl, manifestId))
                .orElseThrow(() -> new IllegalArgumentException("no manifest " + manifestId));
        access.require(actor, permission, m.officeId());
        return m;
    }

    static void requireOpen(Manifest m) {
        if (!m.isOpen()) {
            throw new MovementRefusedException(UserMessage.of("movement.refused.manifestClosed"));
        }
    }
}
