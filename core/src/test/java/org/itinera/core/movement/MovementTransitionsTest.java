package org.itinera.core.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.itinera.core.movement.MovementWorkflow.Edge;
import org.itinera.core.movement.MovementWorkflow.Route;
import org.itinera.core.validation.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status change of a movement on a real encrypted database: each allowed change made by the
 * action that makes it (and recorded as an event), every other change refused with nothing written.
 */
class MovementTransitionsTest {
    @TempDir
    static Path dir;
    static MovementFixture fx;

    @BeforeAll
    static void open() {
        fx = new MovementFixture(dir);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    /** A traveller on the way, with what an action on them needs. */
    record Trip(String id, Flight flight, Booking booking, Manifest manifest) {
    }

    static Stream<Edge> allowed() {
        return MovementWorkflow.edges().stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> out = new ArrayList<>();
        for (MovementStatus from : MovementStatus.values()) {
            for (MovementStatus to : MovementStatus.values()) {
                if (MovementWorkflow.edge(from, to).isEmpty()) {
                    out.add(Arguments.of(from, to));
                }
            }
        }
        return out.stream();
    }

    static Stream<Edge> madeByOtherActions() {
        return MovementWorkflow.edges().stream().filter(e -> e.route() != Route.MANUAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void everyAllowedChangeIsMadeByItsActionAndRecordedAsAnEvent(Edge edge) {
        Trip trip = driveTo(edge.from());
        int before = fx.history(trip.id()).size();
        perform(edge, trip);
        assertThat(fx.status(trip.id())).isEqualTo(edge.to());
        List<MovementEvent> history = fx.history(trip.id());
        assertThat(history.size()).isGreaterThan(before);
        MovementEvent change = history.stream().filter(e -> e.to() == edge.to()).reduce((a, b) -> b).orElseThrow();
        assertThat(change.from()).isEqualTo(edge.from());
        assertThat(change.userId()).isEqualTo(fx.officer.userId());
        if (MovementWorkflow.needsReason(edge.to())) {
            assertThat(change.reason()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refused")
    void everyOtherChangeIsRefusedAndWritesNothing(MovementStatus from, MovementStatus to) {
        String id = fx.single("Refused", from.name() + to.name());
        fx.forceStatus(id, from);
        int events = fx.history(id).size();
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, List.of(id), to, "A reason", "CMN"))
                .isInstanceOf(MovementRefusedException.class)
                .satisfies(e -> assertThat(((MovementRefusedException) e).userMessage().key())
                        .isEqualTo("movement.refused.transition"));
        assertThat(fx.status(id)).isEqualTo(from);
        assertThat(fx.history(id)).hasSize(events);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("madeByOtherActions")
    void aChangeThatBelongsToBookingManifestOrCheckInIsRefusedAsAPlainStatusChange(Edge edge) {
        String id = fx.single("Route", edge.from().name() + edge.to().name());
        fx.forceStatus(id, edge.from());
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, List.of(id), edge.to(), "A reason", null))
                .isInstanceOf(MovementRefusedException.class)
                .satisfies(e -> assertThat(((MovementRefusedException) e).userMessage().key())
                        .isEqualTo("movement.refused.route." + edge.route()));
        assertThat(fx.status(id)).isEqualTo(edge.from());
    }

    @Test
    void aCancellationOrANoShowWithoutAReasonIsRefused() {
        String id = fx.single("No", "Reason");
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.CANCELLED, " ", null))
                .isInstanceOf(ValidationException.class);
        assertThat(fx.status(id)).isEqualTo(MovementStatus.REQUESTED);
        Trip trip = driveTo(MovementStatus.ON_MANIFEST);
        assertThatThrownBy(() -> fx.ws.departures().noShow(fx.officer, trip.manifest().id(), trip.id(), ""))
                .isInstanceOf(ValidationException.class);
        assertThat(fx.status(trip.id())).isEqualTo(MovementStatus.ON_MANIFEST);
    }

    @Test
    void aTransitNamesTheAirport() {
        Trip trip = driveTo(MovementStatus.DEPARTED);
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, List.of(trip.id()), MovementStatus.IN_TRANSIT, null, " "))
                .isInstanceOf(ValidationException.class);
        fx.ws.movements().transition(fx.officer, List.of(trip.id()), MovementStatus.IN_TRANSIT, null, "CMN");
        assertThat(fx.lastEvent(trip.id()).orElseThrow().place()).isEqualTo("CMN");
        assertThat(fx.lastEvent(trip.id()).orElseThrow().type()).isEqualTo(MovementEventType.TRANSIT);
    }

    @Test
    void documentsReadyNeedsATravelDocumentValidTodayForEveryMemberOfTheHousehold() {
        var head = fx.person("Mamadou", "Camara", null, null, org.itinera.core.casefile.Sex.M, 1980);
        var spouse = fx.person("Aissatou", "Camara", null, null, org.itinera.core.casefile.Sex.F, 1985);
        List<String> ids = fx.request(fx.openCase(head, fx.household(List.of(head, spouse))), List.of(head, spouse));
        fx.ws.movements().transition(fx.officer, ids, MovementStatus.ELIGIBILITY_CHECKED, null, null);
        fx.passport(head.id(), MovementFixture.DEPARTURE.plusYears(2));
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, ids, MovementStatus.DOCUMENTS_READY, null, null))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> {
                    assertThat(e.blocked()).extracting(PassengerCheck::personId).containsExactly(spouse.id());
                    assertThat(e.blocked().getFirst().problems()).extracting(GateProblem::kind)
                            .containsExactly(GateProblem.Kind.NO_TRAVEL_DOCUMENT);
                });
        // nobody moved: the household stays together
        assertThat(ids).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.ELIGIBILITY_CHECKED));
        fx.passport(spouse.id(), MovementFixture.DEPARTURE.plusYears(2));
        fx.ws.movements().transition(fx.officer, ids, MovementStatus.DOCUMENTS_READY, null, null);
        assertThat(ids).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.DOCUMENTS_READY));
    }

    @Test
    void fitToTravelNeedsAFitDecisionValidOnTheBookedDepartureDate() {
        String id = fx.single("Ibrahima", "Sow");
        fx.documentsReady(List.of(id));
        fx.book(fx.flight(), List.of(id));
        // valid until the day before the flight: not enough
        fx.fitness(fx.personOf(id), TravelFitness.FIT, MovementFixture.TODAY, MovementFixture.DEPARTURE.minusDays(1));
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.FIT_TO_TRAVEL, null, null))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> assertThat(e.blocked().getFirst().problems())
                        .extracting(GateProblem::kind).containsExactly(GateProblem.Kind.NO_FITNESS_DECISION));
        fx.fitness(fx.personOf(id), TravelFitness.FIT, MovementFixture.TODAY, MovementFixture.DEPARTURE.plusDays(1));
        fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.FIT_TO_TRAVEL, null, null);
        assertThat(fx.status(id)).isEqualTo(MovementStatus.FIT_TO_TRAVEL);
    }

    /** Brings a new traveller to a status through the actions the mission takes. */
    static Trip driveTo(MovementStatus target) {
        String id = fx.single("Traveller", "To" + target.name().replace("_", ""));
        if (target == MovementStatus.REQUESTED) {
            return new Trip(id, null, null, null);
        }
        if (target == MovementStatus.CANCELLED) {
            fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.CANCELLED, "Changed their mind", null);
            return new Trip(id, null, null, null);
        }
        if (target == MovementStatus.ELIGIBILITY_CHECKED) {
            fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.ELIGIBILITY_CHECKED, null, null);
            return new Trip(id, null, null, null);
        }
        fx.documentsReady(List.of(id));
        if (target == MovementStatus.DOCUMENTS_READY) {
            return new Trip(id, null, null, null);
        }
        fx.cleared(List.of(id));
        Flight f = fx.flight();
        Booking b = fx.book(f, List.of(id));
        if (target == MovementStatus.BOOKED) {
            return new Trip(id, f, b, null);
        }
        fx.ws.movements().transition(fx.officer, List.of(id), MovementStatus.FIT_TO_TRAVEL, null, null);
        if (target == MovementStatus.FIT_TO_TRAVEL) {
            return new Trip(id, f, b, null);
        }
        Manifest m = fx.ws.manifests().openFor(fx.officer, f);
        fx.ws.manifests().add(fx.officer, m.id(), List.of(id), false);
        if (target == MovementStatus.ON_MANIFEST) {
            return new Trip(id, f, b, m);
        }
        if (target == MovementStatus.NO_SHOW) {
            fx.ws.departures().noShow(fx.officer, m.id(), id, "Did not come to the airport");
            return new Trip(id, f, b, m);
        }
        fx.departed(m, List.of(id));
        if (target == MovementStatus.IN_TRANSIT) {
            fx.ws.departures().transit(fx.officer, m.id(), "CMN");
        } else if (target == MovementStatus.ARRIVED) {
            fx.ws.departures().arrive(fx.officer, m.id());
        }
        return new Trip(id, f, b, m);
    }

    /** Makes the change through the action the workflow names for it. */
    static void perform(Edge edge, Trip trip) {
        String id = trip.id();
        if (edge.to() == MovementStatus.DOCUMENTS_READY && edge.from() == MovementStatus.ELIGIBILITY_CHECKED) {
            fx.passport(fx.personOf(id), MovementFixture.DEPARTURE.plusYears(1));
        }
        switch (edge.route()) {
            case MANUAL -> fx.ws.movements().transition(fx.officer, List.of(id), edge.to(),
                    MovementWorkflow.needsReason(edge.to()) ? "Changed their mind" : null,
                    edge.to() == MovementStatus.IN_TRANSIT ? "CMN" : "CKY");
            case BOOKING -> {
                if (edge.to() == MovementStatus.BOOKED) {
                    fx.cleared(List.of(id));
                    fx.book(fx.flight(), List.of(id));
                } else if (edge.from() == MovementStatus.BOOKED) {
                    fx.ws.bookings().cancel(fx.officer, trip.booking().id());
                } else {
                    fx.ws.bookings().removePassenger(fx.officer, trip.booking().id(), id);
                }
            }
            case MANIFEST -> {
                if (edge.to() == MovementStatus.ON_MANIFEST) {
                    Manifest m = fx.ws.manifests().openFor(fx.officer, trip.flight());
                    fx.ws.manifests().add(fx.officer, m.id(), List.of(id), false);
                } else {
                    fx.ws.manifests().remove(fx.officer, trip.manifest().id(), id, "Postponed to the next flight");
                }
            }
            case CHECK_IN -> {
                if (edge.to() == MovementStatus.DEPARTED) {
                    fx.departed(trip.manifest(), List.of(id));
                } else {
                    fx.ws.departures().noShow(fx.officer, trip.manifest().id(), id, "Did not come to the airport");
                }
            }
        }
    }
}
