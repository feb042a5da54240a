package org.itinera.core.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.movement.MovementWorkflow.Route;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.Validator;

/**
 * Booking travellers on flights or buses: one booking for a household (or group) travelling
 * together, with its legs, seats, special service requests, baggage and escorts. A traveller can be
 * taken off a booking (a household split) or the whole booking cancelled.
 */
public final class BookingService {
    private final Store store;
    private final BookingRepository bookings;
    private final MovementRepository movements;
    private final Transitions transitions;
    private final AccessPolicy access;
    private final ReferenceData reference;
    private final Clock clock;

    public BookingService(Store store, BookingRepository bookings, MovementRepository movements, AccessPolicy access,
                          ReferenceData reference, Clock clock) {
        this.store = store;
        this.bookings = bookings;
        this.movements = movements;
        this.transitions = new Transitions(movements, clock);
        this.access = access;
        this.reference = reference;
        this.clock = clock;
    }

    /** Books the travellers (each must have documents ready) on the legs given; all of them, or none. */
    public Booking book(Actor actor, BookingDraft draft) {
        List<String> ids = draft.passengers().stream().map(PassengerDraft::movementId).toList();
        List<Movement> travellers = ids.isEmpty() ? List.of() : store.read(dsl -> movements.find(dsl, ids));
        String office = travellers.isEmpty() ? actor.officeId().orElse(null) : travellers.getFirst().officeId();
        access.require(actor, Permission.MOVEMENT_WRITE, office);
        for (Movement m : travellers) {
            access.require(actor, Permission.MOVEMENT_WRITE, m.officeId());
        }
        List<Segment> segments = validate(draft, travellers);
        for (Movement m : travellers) {
            Transitions.check(m.status(), MovementStatus.BOOKED, Route.BOOKING, null, null);
        }
        String bookingId = store.ids().next();
        store.write(actor, AuditEvent.ok("BOOKING_CREATE", "booking", bookingId, "passengers=" + ids.size()), tx -> {
            bookings.insertBooking(tx, bookingId, blankToNull(draft.reference()), draft.status(), LocalDate.now(clock), office);
            for (Segment s : segments) {
                bookings.insertSegment(tx, new Segment(tx.ids().next(), bookingId, s.seq(), s.carrier(), s.serviceNo(),
                        s.from(), s.to(), s.departsLocal(), s.departsZone(), s.arrivesLocal(), s.arrivesZone()));
            }
            for (PassengerDraft p : draft.passengers()) {
                bookings.insertPassenger(tx, new BookedPassenger(tx.ids().next(), bookingId, p.movementId(),
                        blankToNull(p.seat()), p.services(), p.baggagePieces(), p.baggageKg()));
                transitions.apply(tx, actor, p.movementId(), MovementStatus.BOOKED, Route.BOOKING,
                        MovementEventType.TRANSITION, null, null);
            }
            for (EscortDraft e : draft.escorts()) {
                bookings.insertEscort(tx, new Escort(tx.ids().next(), bookingId, e.type(), e.name().strip(),
                        e.userId(), e.escortedMovementId()));
            }
            return null;
        });
        return store.read(dsl -> bookings.find(dsl, bookingId)).orElseThrow();
    }

    /** Adds an escort to a booking (for a passenger found fit with escort, or a child travelling alone). */
    public void addEscort(Actor actor, String bookingId, EscortDraft e) {
        Booking b = store.read(dsl -> bookings.find(dsl, bookingId)).orElseThrow(() -> new IllegalArgumentException("no booking " + bookingId));
        access.require(actor, Permission.MOVEMENT_WRITE, b.officeId());
        Validator v = new Validator();
        escortRules(v, e, 0, b.passengers().stream().map(BookedPassenger::movementId).toList());
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("BOOKING_ESCORT_ADD", "booking", bookingId), tx -> {
            bookings.insertEscort(tx, new Escort(tx.ids().next(), bookingId, e.type(), e.name().strip(), e.userId(),
                    e.escortedMovementId()));
            return null;
        });
    }

    /**
     * Takes one traveller off a booking (splitting a household): their movement goes back to
     * documents ready. Someone on a manifest must be taken off the manifest first.
     */
    public void removePassenger(Actor actor, String bookingId, String movementId) {
        Booking b = store.read(dsl -> bookings.find(dsl, bookingId)).orElseThrow(() -> new IllegalArgumentException("no booking " + bookingId));
        access.require(actor, Permission.MOVEMENT_WRITE, b.officeId());
        BookedPassenger p = b.passengers().stream().filter(x -> x.movementId().equals(movementId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("movement " + movementId + " is not on booking " + bookingId));
        Movement m = store.read(dsl -> movements.find(dsl, movementId)).orElseThrow();
        Transitions.check(m.status(), MovementStatus.DOCUMENTS_READY, Route.BOOKING, null, null);
        store.write(actor, AuditEvent.ok("BOOKING_PASSENGER_REMOVE", "booking", bookingId), tx -> {
            bookings.removePassenger(tx, p.id());
            transitions.apply(tx, actor, movementId, MovementStatus.DOCUMENTS_READY, Route.BOOKING,
                    MovementEventType.TRANSITION, null, null);
            return null;
        });
    }

    /** Cancels a booking: every traveller on it goes back to documents ready, to be booked again. */
    public void cancel(Actor actor, String bookingId) {
        Booking b = store.read(dsl -> bookings.find(dsl, bookingId)).orElseThrow(() -> new IllegalArgumentException("no booking " + bookingId));
        access.require(actor, Permission.MOVEMENT_WRITE, b.officeId());
        if (b.status() == BookingStatus.CANCELLED) {
            return;
        }
        List<Movement> travellers = store.read(dsl -> movements.find(dsl,
                b.passengers().stream().map(BookedPassenger::movementId).toList()));
        List<Movement> back = travellers.stream().filter(m -> !m.status().isFinal() && m.status() != MovementStatus.NO_SHOW).toList();
        for (Movement m : back) {
            Transitions.check(m.status(), MovementStatus.DOCUMENTS_READY, Route.BOOKING, null, null);
        }
        store.write(actor, AuditEvent.ok("BOOKING_CANCEL", "booking", bookingId), tx -> {
            bookings.setStatus(tx, bookingId, BookingStatus.CANCELLED);
            for (Movement m : back) {
                transitions.apply(tx, actor, m.id(), MovementStatus.DOCUMENTS_READY, Route.BOOKING,
                        MovementEventType.TRANSITION, null, null);
            }
            return null;
        });
    }

    public Optional<Booking> find(Actor actor, String bookingId) {
        Optional<Booking> b = store.read(dsl -> bookings.find(dsl, bookingId));
        access.require(actor, Permission.MOVEMENT_READ, b.map(Booking::officeId).orElse(null));
        return b;
    }

    /** The booking a movement currently travels on. */
    public Optional<Booking> bookingOf(Actor actor, String movementId) {
        access.require(actor, Permission.MOVEMENT_READ);
        Optional<Booking> b = store.read(dsl -> bookings.activeBooking(dsl, movementId)
                .flatMap(p -> bookings.find(dsl, p.bookingId())));
        if (b.isPresent()) {
            access.require(actor, Permission.MOVEMENT_READ, b.get().officeId());
        }
        return b;
    }

    /** Checks the draft; returns its legs with the time zones of their airports. */
    private List<Segment> validate(BookingDraft d, List<Movement> travellers) {
        Validator v = new Validator()
                .maxLength("reference", d.reference(), 12)
                .check("reference", blankToNull(d.reference()), r -> r.strip().matches("[A-Za-z0-9]{5,12}"), "movement.error.reference")
                .required("status", d.status() == null || d.status() == BookingStatus.CANCELLED ? null : d.status().name());
        if (d.segments().isEmpty()) {
            v.add(FieldError.of("segments", "movement.error.noSegment"));
        }
        if (d.passengers().isEmpty()) {
            v.add(FieldError.of("passengers", "movement.error.persons"));
        }
        Set<String> seen = new HashSet<>();
        for (PassengerDraft p : d.passengers()) {
            if (!seen.add(p.movementId())) {
                v.add(FieldError.of("passengers", "movement.error.persons"));
            }
            v.check("seat", blankToNull(p.seat()), s -> s.strip().matches("[0-9]{1,3}[A-Ka-k]"), "movement.error.seat")
                    .check("baggage", p.baggagePieces(), n -> n >= 0 && n <= 5, "movement.error.baggage")
                    .check("baggage", p.baggageKg(), n -> n >= 0 && n <= 100, "movement.error.baggage");
        }
        if (travellers.size() != seen.size()) {
            v.add(FieldError.of("passengers", "movement.error.persons"));
        }
        List<Segment> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < d.segments().size(); i++) {
            out.add(segment(v, d.segments().get(i), i + 1, today));
        }
        for (int i = 1; i < out.size(); i++) {
            Segment a = out.get(i - 1);
            Segment b = out.get(i);
            if (a != null && b != null && (!a.to().equals(b.from()) || !b.departsAt().isAfter(a.arrivesAt()))) {
                v.add(FieldError.of("segment" + (i + 1), "movement.error.connection"));
            }
        }
        for (int i = 0; i < d.escorts().size(); i++) {
            escortRules(v, d.escorts().get(i), i + 1, List.copyOf(seen));
        }
        v.throwIfInvalid();
        return out;
    }

    private Segment segment(Validator v, SegmentDraft s, int seq, LocalDate today) {
        String f = "segment" + seq;
        int before = v.errors().size();
        v.required(f, s.carrier()).check(f, s.carrier(), c -> c.strip().matches("[\\p{L}0-9][\\p{L}0-9 .'-]{1,39}"), "movement.error.carrier")
                .required(f, s.serviceNo()).check(f, s.serviceNo(), n -> n.strip().matches("[A-Za-z0-9]{1,6}"), "movement.error.serviceNo")
                .check(f, s.from(), a -> reference.airport(a).isPresent(), "movement.error.airport")
                .check(f, s.to(), a -> reference.airport(a).isPresent(), "movement.error.airport")
                .required(f, s.from()).required(f, s.to());
        if (s.departsLocal() == null || s.arrivesLocal() == null) {
            v.add(FieldError.of(f, "movement.error.times"));
        }
        if (v.errors().size() > before) {
            return null;
        }
        String from = s.from().strip().toUpperCase(Locale.ROOT);
        String to = s.to().strip().toUpperCase(Locale.ROOT);
        if (from.equals(to)) {
            v.add(FieldError.of(f, "movement.error.sameAirport"));
            return null;
        }
        ZoneId fromZone = reference.zoneOf(from).orElse(ZoneId.of("UTC"));
        ZoneId toZone = reference.zoneOf(to).orElse(ZoneId.of("UTC"));
        Segment seg = new Segment(null, null, seq, s.carrier().strip().toUpperCase(Locale.ROOT), s.serviceNo().strip().toUpperCase(Locale.ROOT),
                from, to, s.departsLocal(), fromZone, s.arrivesLocal(), toZone);
        if (!seg.arrivesAt().isAfter(seg.departsAt())) {
            v.add(FieldError.of(f, "movement.error.arrivalBeforeDeparture"));
        } else if (seg.departsLocal().toLocalDate().isBefore(today)) {
            v.add(FieldError.of(f, "movement.error.departureInPast"));
        }
        return seg;
    }

    private static void escortRules(Validator v, EscortDraft e, int index, List<String> movementIds) {
        String f = index == 0 ? "escort" : "escort" + index;
        v.required(f, e.type() == null ? null : e.type().name()).required(f, e.name()).maxLength(f, e.name(), 100)
                .check(f, e.escortedMovementId(), movementIds::contains, "movement.error.escortedPassenger");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
