package org.itinera.core.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonService;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.movement.MovementWorkflow.Route;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Travel requests and the steps a movement officer records by hand: eligibility, documents, fitness
 * confirmed, transit, arrival, cancellation, handover at destination. A household is handled in one
 * call: every member's movement changes, or none does.
 */
public final class MovementService {
    private final Store store;
    private final MovementRepository movements;
    private final BookingRepository bookings;
    private final ManifestRepository manifests;
    private final PreparationRepository preparation;
    private final CaseHandoverRepository handovers;
    private final ReadinessRepository readiness;
    private final Transitions transitions;
    private final AccessPolicy access;
    private final ReferenceData reference;
    private final PersonService persons;
    private final Clock clock;

    public MovementService(Store store, MovementRepository movements, BookingRepository bookings,
                           ManifestRepository manifests, PreparationRepository preparation,
                           CaseHandoverRepository handovers, ReadinessRepository readiness, AccessPolicy access,
                           ReferenceData reference, PersonService persons, Clock clock) {
        this.store = store;
        this.movements = movements;
        this.bookings = bookings;
        this.manifests = manifests;
        this.preparation = preparation;
        this.handovers = handovers;
        this.readiness = readiness;
        this.transitions = new Transitions(movements, clock);
        this.access = access;
        this.reference = reference;
        this.persons = persons;
        this.clock = clock;
    }

    /** What a handover did: how many travellers, and which cases moved on to assistance. */
    public record HandoverResult(int handedOver, List<String> casesToAssistance, int plansOpened) {
    }

    /** Requests travel for persons of a case (a household in one go); returns the new movements' ids. */
    public List<String> request(Actor actor, MovementRequest r) {
        MovementRepository.CaseFacts c = store.read(dsl -> movements.caseFacts(dsl, r.caseId()))
                .orElseThrow(() -> new ValidationException(List.of(FieldError.of("case", "validation.required"))));
        access.require(actor, Permission.MOVEMENT_WRITE, c.officeId());
        new Validator()
                .check("persons", r.personIds(), l -> !l.isEmpty() && Set.copyOf(l).size() == l.size(), "movement.error.persons")
                .required("type", r.type() == null ? null : r.type().name())
                .required("destinationCountry", r.destinationCountry())
                .check("destinationCountry", r.destinationCountry(), d -> reference.country(d).isPresent(),
                        "validation.unknownCountry")
                .maxLength("destinationPlace", r.destinationPlace(), 100)
                .throwIfInvalid();
        String origin = store.read(dsl -> preparation.officeCountry(dsl, c.officeId())).orElse(null);
        LocalDate today = LocalDate.now(clock);
        List<String> ids = new ArrayList<>();
        store.write(actor, AuditEvent.ok("MOVEMENT_REQUEST", "case", c.id(), "travellers=" + r.personIds().size()), tx -> {
            for (String personId : r.personIds()) {
                if (!preparation.personExists(tx.dsl(), personId)) {
                    throw new ValidationException(List.of(FieldError.of("persons", "movement.error.persons")));
                }
                Movement m = new Movement(tx.ids().next(), c.id(), personId, c.householdId(), r.type(),
                        MovementStatus.REQUESTED, null, today, origin, r.destinationCountry().strip().toUpperCase(java.util.Locale.ROOT),
                        r.destinationPlace(), r.fitnessRequired(), c.officeId());
                movements.insert(tx, m);
                movements.insertEvent(tx, new MovementEvent(tx.ids().next(), m.id(), MovementEventType.TRANSITION, null,
                        MovementStatus.REQUESTED, null, null, null, clock.instant(), actor.userId()));
                ids.add(m.id());
            }
            return null;
        });
        return List.copyOf(ids);
    }

    /**
     * Records a step by hand for one or more movements (a household together): every movement must
     * be allowed the change, or nothing changes. Documents ready needs a valid travel document; fit to
     * travel needs a fitness decision valid on the booked departure date (when the movement needs one);
     * a cancellation or no-show needs a reason and takes the traveller off their booking and manifest.
     */
    public void transition(Actor actor, List<String> movementIds, MovementStatus to, String reason, String place) {
        List<Movement> list = load(actor, movementIds, Permission.MOVEMENT_WRITE);
        for (Movement m : list) {
            Transitions.check(m.status(), to, Route.MANUAL, reason, place);
        }
        preconditions(list, to);
        MovementEventType type = switch (to) {
            case IN_TRANSIT -> MovementEventType.TRANSIT;
            case ARRIVED -> MovementEventType.ARRIVED;
            default -> MovementEventType.TRANSITION;
        };
        store.write(actor, AuditEvent.ok("MOVEMENT_TRANSITION", "movement", list.getFirst().id(),
                "to=" + to + " count=" + list.size()), tx -> {
            for (Movement m : list) {
                if (to == MovementStatus.CANCELLED || to == MovementStatus.DOCUMENTS_READY && m.status() == MovementStatus.NO_SHOW) {
                    leaveBookingAndManifest(tx, m, reason);
                }
                transitions.apply(tx, actor, m.id(), to, Route.MANUAL, type, reason, place);
            }
            return null;
        });
    }

    private void preconditions(List<Movement> list, MovementStatus to) {
        LocalDate today = LocalDate.now(clock);
        List<PassengerCheck> blocked = new ArrayList<>();
        store.read(dsl -> {
            for (Movement m : list) {
                TravellerFacts f = readiness.facts(dsl, List.of(m.id())).get(m.id());
                List<GateProblem> problems = new ArrayList<>();
                if (to == MovementStatus.DOCUMENTS_READY) {
                    ManifestGate.documentProblem(f, today).ifPresent(problems::add);
                } else if (to == MovementStatus.FIT_TO_TRAVEL && f.fitnessRequired()) {
                    Optional<LocalDate> day = bookings.activeBooking(dsl, m.id())
                            .flatMap(b -> bookings.firstSegment(dsl, b.bookingId())).map(s -> s.departsLocal().toLocalDate());
                    if (day.isEmpty()) {
                        problems.add(GateProblem.of(GateProblem.Kind.NOT_BOOKED));
                    } else {
                        ManifestGate.fitnessProblem(f, day.get()).ifPresent(problems::add);
                    }
                }
                if (!problems.isEmpty()) {
                    blocked.add(new PassengerCheck(m.id(), m.personId(), m.householdId(), f.name(),
                            TravelFitness.NONE, problems));
                }
            }
            return null;
        });
        if (!blocked.isEmpty()) {
            throw new GateRefusedException(blocked);
        }
    }

    /** A cancelled traveller, or a no-show to be booked again, leaves their booking and manifest. */
    private void leaveBookingAndManifest(org.itinera.core.store.WriteTx tx, Movement m, String reason) {
        if (m.status() == MovementStatus.ON_MANIFEST) {
            manifests.openManifestOf(tx.dsl(), m.id()).ifPresent(man -> {
                manifests.setPassengerStatus(tx, man.id(), m.id(), PassengerStatus.REMOVED, reason, null, null);
                if (man.status() == ManifestStatus.FINAL) {
                    manifests.setStatus(tx, man.id(), ManifestStatus.DRAFT);
                }
            });
        }
        bookings.activeBooking(tx.dsl(), m.id()).ifPresent(b -> bookings.removePassenger(tx, b.id()));
    }

    /**
     * Hands travellers who arrived over to a partner at destination. When everyone of a case who
     * travelled has been handed over, the case moves on to assistance.
     */
    public HandoverResult handOver(Actor actor, List<String> movementIds, String partnerId, String note) {
        List<Movement> list = load(actor, movementIds, Permission.MOVEMENT_WRITE);
        for (Movement m : list) {
            if (m.status() != MovementStatus.ARRIVED) {
                throw new MovementRefusedException(org.itinera.core.i18n.UserMessage.of("movement.refused.handover",
                        MovementRefusedException.label(m.status())));
            }
        }
        new Validator().maxLength("note", note, 500).throwIfInvalid();
        LocalDate today = LocalDate.now(clock);
        return store.write(actor, AuditEvent.ok("MOVEMENT_HANDOVER", "movement", list.getFirst().id(),
                "count=" + list.size()), tx -> {
            for (Movement m : list) {
                transitions.event(tx, actor, m.id(), MovementEventType.HANDOVER, note, m.destinationPlace(), partnerId);
            }
            List<String> cases = new ArrayList<>();
            int plans = 0;
            for (Movement m : list) {
                if (!cases.contains(m.caseId()) && handovers.everyoneHandedOver(tx.dsl(), m.caseId())) {
                    cases.add(m.caseId());
                    plans += handovers.moveToAssistance(tx, m.caseId(), m.destinationCountry(), today) ? 1 : 0;
                }
            }
            return new HandoverResult(list.size(), List.copyOf(cases), plans);
        });
    }

    /** Records a passport or laissez-passer for a traveller (the usual fix for a blocked passenger). */
    public void recordTravelDocument(Actor actor, String personId, TravelDocument d) {
        access.require(actor, Permission.MOVEMENT_WRITE, officeOfPerson(personId));
        LocalDate today = LocalDate.now(clock);
        new Validator()
                .required("type", d.type())
                .check("type", d.type(), TravelDocument.TYPES::contains, "movement.error.documentType")
                .required("number", d.number()).maxLength("number", d.number(), 30)
                .check("number", d.number(), n -> n.strip().matches("[A-Za-z0-9 /-]{3,30}"), "movement.error.documentNumber")
                .check("issuingCountry", d.issuingCountry(), c -> reference.country(c).isPresent(), "validation.unknownCountry")
                .check("expiresOn", d.expiresOn(), e -> !e.isBefore(today), "movement.error.documentExpired")
                .check("issuedOn", d.issuedOn(), i -> !i.isAfter(today), "validation.dateInFuture")
                .throwIfInvalid();
        store.write(actor, AuditEvent.ok("TRAVEL_DOCUMENT_RECORD", "person", personId), tx -> {
            preparation.insertDocument(tx, tx.ids().next(), personId, d);
            return null;
        });
    }

    /** Records a traveller's consent to travel assistance (purpose TRAVEL). */
    public void recordTravelConsent(Actor actor, String personId, TravelConsent c) {
        access.require(actor, Permission.MOVEMENT_WRITE, officeOfPerson(personId));
        LocalDate today = LocalDate.now(clock);
        Validator v = new Validator()
                .required("method", c.method() == null ? null : c.method().name())
                .required("givenOn", c.givenOn() == null ? null : c.givenOn().toString())
                .check("givenOn", c.givenOn(), g -> !g.isAfter(today), "validation.dateInFuture")
                .check("expiresOn", c.expiresOn(), e -> c.givenOn() == null || e.isAfter(c.givenOn()), "movement.error.consentExpiry")
                .maxLength("proxyName", c.proxyName(), 100).maxLength("proxyRelationship", c.proxyRelationship(), 60);
        if (c.method() == TravelConsent.Method.PROXY) {
            v.required("proxyName", c.proxyName()).required("proxyRelationship", c.proxyRelationship());
        }
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("TRAVEL_CONSENT_RECORD", "person", personId), tx -> {
            preparation.insertTravelConsent(tx, tx.ids().next(), personId, c, actor.userId());
            return null;
        });
    }

    public Optional<Movement> find(Actor actor, String id) {
        Optional<Movement> m = store.read(dsl -> movements.find(dsl, id));
        access.require(actor, Permission.MOVEMENT_READ, m.map(Movement::officeId).orElse(null));
        return m;
    }

    public List<MovementEvent> history(Actor actor, String movementId) {
        find(actor, movementId);
        return store.read(dsl -> movements.events(dsl, movementId));
    }

    /** Travellers in some statuses (households together), for the lists of the movement screens. */
    public List<Traveller> travellers(Actor actor, Set<MovementStatus> statuses, int limit) {
        access.require(actor, Permission.MOVEMENT_READ);
        Collection<String> offices = access.offices(actor, Permission.MOVEMENT_READ);
        return store.read(dsl -> movements.travellers(dsl, statuses, offices, LocalDate.now(clock), limit));
    }

    /**
     * Travellers ready to be booked whose names match a search (the registry's name search, in Latin
     * or Arabic script), with the rest of their households; without a query, the first ones.
     */
    public List<Traveller> readyToBook(Actor actor, String query, int limit) {
        return search(actor, query, Set.of(MovementStatus.DOCUMENTS_READY), limit);
    }

    /**
     * Travellers in some statuses whose names match a search (in Latin or Arabic script), with the
     * members of their households in those statuses; without a query, the first ones.
     */
    public List<Traveller> search(Actor actor, String query, Set<MovementStatus> statuses, int limit) {
        if (query == null || query.isBlank()) {
            return travellers(actor, statuses, limit);
        }
        access.require(actor, Permission.MOVEMENT_READ);
        List<String> personIds = persons.search(actor, query, limit).hits().stream().map(PersonSummary::id).toList();
        Collection<String> offices = access.offices(actor, Permission.MOVEMENT_READ);
        LocalDate today = LocalDate.now(clock);
        return store.read(dsl -> {
            Set<String> households = new LinkedHashSet<>();
            Set<String> seen = new LinkedHashSet<>();
            List<Traveller> out = new ArrayList<>();
            for (Traveller t : movements.travellersOfPersons(dsl, personIds, statuses, today)) {
                if (t.householdId() != null) {
                    if (!households.add(t.householdId())) {
                        continue;
                    }
                    for (Traveller member : movements.travellersOfHousehold(dsl, t.householdId(), today)) {
                        if (statuses.contains(member.status()) && seen.add(member.movementId())) {
                            out.add(member);
                        }
                    }
                } else if (seen.add(t.movementId())) {
                    out.add(t);
                }
            }
            return out.stream().filter(t -> offices == null || offices.contains(t.officeId())).limit(limit).toList();
        });
    }

    public List<Traveller> travellers(Actor actor, List<String> movementIds) {
        access.require(actor, Permission.MOVEMENT_READ);
        return store.read(dsl -> movements.travellers(dsl, movementIds, LocalDate.now(clock)));
    }

    /** The members of a household whose movements are under way. */
    public List<Traveller> household(Actor actor, String householdId) {
        access.require(actor, Permission.MOVEMENT_READ);
        return store.read(dsl -> movements.openTravellersOfHousehold(dsl, householdId, LocalDate.now(clock)));
    }

    private List<Movement> load(Actor actor, List<String> movementIds, Permission permission) {
        if (movementIds.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("travellers", "movement.error.persons")));
        }
        List<Movement> list = store.read(dsl -> movements.find(dsl, movementIds));
        if (list.size() != Set.copyOf(movementIds).size()) {
            throw new IllegalArgumentException("unknown movement among " + movementIds);
        }
        for (Movement m : list) {
            access.require(actor, permission, m.officeId());
        }
        return list;
    }

    private String officeOfPerson(String personId) {
        if (!store.read(dsl -> preparation.personExists(dsl, personId))) {
            throw new IllegalArgumentException("no person " + personId);
        }
        return store.read(dsl -> preparation.officeOfPerson(dsl, personId)).orElse(null);
    }
}
