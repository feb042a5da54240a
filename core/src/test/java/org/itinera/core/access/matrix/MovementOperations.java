package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.global;
import static org.itinera.core.access.matrix.Operation.home;
import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.movement.Booking;
import org.itinera.core.movement.BookingDraft;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.EscortDraft;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.Flight;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestDraft;
import org.itinera.core.movement.ManifestLabels;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.movement.PassengerDraft;
import org.itinera.core.movement.SegmentDraft;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.movement.TravelFitness;
import org.itinera.core.testing.MedicalRecords;

/**
 * Movements, bookings, manifests and departures. Every sample call acts on a fresh traveller of the
 * home office, brought by the system actor to the stage the call needs (requested, booked, on a
 * manifest, boarded, departed, arrived), so a state-changing call can succeed for every allowed role.
 */
final class MovementOperations {
    private MovementOperations() {
    }

    static final LocalDate DEPARTURE = LocalDate.of(2026, 11, 26);
    static final ManifestLabels LABELS = (key, args) -> key;

    /** A traveller at some stage: the movement, and where applicable its flight, booking and manifest. */
    record Stage(String movement, String person, Flight flight, Booking booking, Manifest manifest) {
    }

    static Stage requested(MatrixFixture f) {
        String person = f.newPerson(f.homeOffice);
        String caseNo = f.ws.cases().open(f.system, new CaseDraft(CaseType.AVRR, person, null, f.homeOffice, "GIN", null));
        String caseId = f.ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE)
                .where(CASE_FILE.CASE_NO.eq(caseNo)).fetchOne(CASE_FILE.ID));
        String movement = f.ws.movements().request(f.system, new MovementRequest(caseId, List.of(person),
                MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", true)).getFirst();
        return new Stage(movement, person, null, null, null);
    }

    static Stage booked(MatrixFixture f) {
        Stage s = requested(f);
        List<String> ids = List.of(s.movement());
        f.ws.movements().transition(f.system, ids, MovementStatus.ELIGIBILITY_CHECKED, null, null);
        f.ws.movements().recordTravelDocument(f.system, s.person(), new TravelDocument("PASSPORT",
                "P" + s.person().substring(28, 35).toUpperCase(Locale.ROOT), "GIN", DEPARTURE.minusYears(1),
                DEPARTURE.plusYears(3)));
        f.ws.movements().transition(f.system, ids, MovementStatus.DOCUMENTS_READY, null, null);
        f.ws.movements().recordTravelConsent(f.system, s.person(), new TravelConsent(TravelConsent.Method.SIGNED,
                DEPARTURE.minusDays(3), null, null, null));
        MedicalRecords.fitness(f.ws, s.person(), TravelFitness.FIT.name(), DEPARTURE.minusDays(2), DEPARTURE.plusDays(2));
        Flight flight = new Flight("HC", Integer.toString(1000 + f.next()), "DSS", "CKY", DEPARTURE);
        Booking b = f.ws.bookings().book(f.system, new BookingDraft("PNR" + flight.serviceNo(), BookingStatus.CONFIRMED,
                List.of(new SegmentDraft(flight.carrier(), flight.serviceNo(), flight.from(), flight.to(),
                        DEPARTURE.atTime(9, 40), DEPARTURE.atTime(11, 5))), List.of(PassengerDraft.of(s.movement())), List.of()));
        return new Stage(s.movement(), s.person(), flight, b, null);
    }

    static Stage listed(MatrixFixture f) {
        Stage s = booked(f);
        Manifest m = f.ws.manifests().openFor(f.system, s.flight());
        f.ws.manifests().add(f.system, m.id(), List.of(s.movement()), false);
        return new Stage(s.movement(), s.person(), s.flight(), s.booking(), m);
    }

    static Stage boarded(MatrixFixture f) {
        Stage s = listed(f);
        f.ws.manifests().print(f.system, s.manifest().id(), LABELS, new ByteArrayOutputStream());
        f.ws.departures().board(f.system, s.manifest().id(), s.movement(), null);
        return s;
    }

    static Stage departed(MatrixFixture f) {
        Stage s = boarded(f);
        f.ws.departures().depart(f.system, s.manifest().id());
        return s;
    }

    static Stage arrived(MatrixFixture f) {
        Stage s = departed(f);
        f.ws.departures().arrive(f.system, s.manifest().id());
        return s;
    }

    static final List<Operation> LIST = List.of(
            home("MovementService.request", Permission.MOVEMENT_WRITE, (f, a) -> {
                String person = f.newPerson(f.homeOffice);
                String caseNo = f.ws.cases().open(f.system, new CaseDraft(CaseType.AVRR, person, null, f.homeOffice, "GIN",
                        null));
                String caseId = f.ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE)
                        .where(CASE_FILE.CASE_NO.eq(caseNo)).fetchOne(CASE_FILE.ID));
                return f.ws.movements().request(a, new MovementRequest(caseId, List.of(person), MovementType.VOLUNTARY_RETURN,
                        "GIN", "Conakry", true));
            }),
            home("MovementService.transition", Permission.MOVEMENT_WRITE, (f, a) -> {
                f.ws.movements().transition(a, List.of(requested(f).movement()), MovementStatus.ELIGIBILITY_CHECKED, null,
                        null);
                return null;
            }),
            home("MovementService.handOver", Permission.MOVEMENT_WRITE,
                    (f, a) -> f.ws.movements().handOver(a, List.of(arrived(f).movement()), f.partner, null)),
            home("MovementService.recordTravelDocument", Permission.MOVEMENT_WRITE, (f, a) -> {
                f.ws.movements().recordTravelDocument(a, f.homePerson, new TravelDocument("LAISSEZ_PASSER",
                        "LP" + f.next(), "GIN", DEPARTURE.minusDays(10), DEPARTURE.plusMonths(3)));
                return null;
            }),
            home("MovementService.recordTravelConsent", Permission.MOVEMENT_WRITE, (f, a) -> {
                f.ws.movements().recordTravelConsent(a, f.homePerson, new TravelConsent(TravelConsent.Method.SIGNED,
                        DEPARTURE.minusDays(3), null, null, null));
                return null;
            }),
            home("MovementService.find", Permission.MOVEMENT_READ, (f, a) -> f.ws.movements().find(a, requested(f).movement())),
            home("MovementService.history", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.movements().history(a, requested(f).movement())),
            global("MovementService.travellers", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.movements().travellers(a, Set.of(MovementStatus.REQUESTED), 10)),
            global("MovementService.readyToBook", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.movements().readyToBook(a, "toure", 10)),
            global("MovementService.search", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.movements().search(a, "toure", Set.of(MovementStatus.REQUESTED), 10)),
            global("MovementService.household", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.movements().household(a, f.homeHousehold)),
            home("BookingService.book", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = booked(f);
                f.ws.bookings().cancel(f.system, s.booking().id());
                return f.ws.bookings().book(a, new BookingDraft("PNR2" + s.flight().serviceNo(), BookingStatus.CONFIRMED,
                        List.of(new SegmentDraft("HC", s.flight().serviceNo(), "DSS", "CKY", DEPARTURE.atTime(9, 40),
                                DEPARTURE.atTime(11, 5))), List.of(PassengerDraft.of(s.movement())), List.of()));
            }),
            home("BookingService.addEscort", Permission.MOVEMENT_WRITE, (f, a) -> {
                f.ws.bookings().addEscort(a, booked(f).booking().id(), new EscortDraft(EscortType.OPERATIONAL,
                        "Escort " + f.next(), null, null));
                return null;
            }),
            home("BookingService.removePassenger", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = booked(f);
                f.ws.bookings().removePassenger(a, s.booking().id(), s.movement());
                return null;
            }),
            home("BookingService.cancel", Permission.MOVEMENT_WRITE, (f, a) -> {
                f.ws.bookings().cancel(a, booked(f).booking().id());
                return null;
            }),
            home("BookingService.find", Permission.MOVEMENT_READ, (f, a) -> f.ws.bookings().find(a, booked(f).booking().id())),
            home("BookingService.bookingOf", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.bookings().bookingOf(a, booked(f).movement())),
            home("ManifestService.create", Permission.MOVEMENT_WRITE, (f, a) -> {
                Flight flight = new Flight("HC", Integer.toString(5000 + f.next()), "DSS", "CKY", DEPARTURE);
                return f.ws.manifests().create(a, new ManifestDraft(flight, DEPARTURE.atTime(9, 40), DEPARTURE.atTime(7, 0),
                        f.homeOffice));
            }),
            // opening a departure that has no manifest yet creates one: that path is ManifestService.create's
            home("ManifestService.openFor", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.manifests().openFor(a, listed(f).flight())),
            home("ManifestService.find", Permission.MOVEMENT_READ, (f, a) -> f.ws.manifests().find(a, listed(f).manifest().id())),
            home("ManifestService.review", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.manifests().review(a, listed(f).manifest().id())),
            home("ManifestService.add", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = booked(f);
                Manifest m = f.ws.manifests().openFor(f.system, s.flight());
                f.ws.manifests().add(a, m.id(), List.of(s.movement()), false);
                return null;
            }),
            home("ManifestService.remove", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = listed(f);
                f.ws.manifests().remove(a, s.manifest().id(), s.movement(), "rebooked");
                return null;
            }),
            home("ManifestService.print", Permission.MANIFEST_PRINT, (f, a) -> {
                f.ws.manifests().print(a, listed(f).manifest().id(), LABELS, new ByteArrayOutputStream());
                return null;
            }),
            home("ManifestService.preview", Permission.MANIFEST_PRINT, (f, a) -> {
                f.ws.manifests().preview(a, listed(f).manifest().id(), LABELS, new ByteArrayOutputStream());
                return null;
            }),
            global("DepartureService.board", Permission.MOVEMENT_READ,
                    (f, a) -> f.ws.departures().board(a, DEPARTURE, DEPARTURE.plusDays(1))),
            home("DepartureService.board", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = listed(f);
                f.ws.manifests().print(f.system, s.manifest().id(), LABELS, new ByteArrayOutputStream());
                return f.ws.departures().board(a, s.manifest().id(), s.movement(), null);
            }),
            home("DepartureService.unboard", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = boarded(f);
                f.ws.departures().unboard(a, s.manifest().id(), s.movement());
                return null;
            }),
            home("DepartureService.noShow", Permission.MOVEMENT_WRITE, (f, a) -> {
                Stage s = listed(f);
                f.ws.manifests().print(f.system, s.manifest().id(), LABELS, new ByteArrayOutputStream());
                f.ws.departures().noShow(a, s.manifest().id(), s.movement(), "did not come");
                return null;
            }),
            home("DepartureService.depart", Permission.MOVEMENT_WRITE, (f, a) -> f.ws.departures().depart(a,
                    boarded(f).manifest().id())),
            home("DepartureService.transit", Permission.MOVEMENT_WRITE, (f, a) -> f.ws.departures().transit(a,
                    departed(f).manifest().id(), "Bamako")),
            home("DepartureService.arrive", Permission.MOVEMENT_WRITE, (f, a) -> f.ws.departures().arrive(a,
                    departed(f).manifest().id())));
}
