package org.itinera.core.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.ASSISTANCE_PLAN;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;
import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.GateProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests on a real encrypted database: the gate, households, printing, check-in, departure, arrival. */
class ManifestServiceTest {
    @TempDir
    Path dir;
    MovementFixture fx;

    @BeforeEach
    void open() {
        fx = new MovementFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** A household of three (two adults, a child), booked together on a new flight, not yet cleared. */
    record Family(List<Person> people, String caseId, List<String> movements, Flight flight, Booking booking) {
    }

    Family bookedFamily() {
        Person head = fx.person("Alpha", "Diallo", "ألفا", "ديالو", Sex.M, 1982);
        Person spouse = fx.person("Mariama", "Diallo", "مريم", "ديالو", Sex.F, 1988);
        Person child = fx.person("Fatoumata", "Diallo", null, null, Sex.F, 2017);
        List<Person> people = List.of(head, spouse, child);
        String caseId = fx.openCase(head, fx.household(people));
        List<String> ids = fx.request(caseId, people);
        fx.documentsReady(ids);
        Flight f = fx.flight();
        return new Family(people, caseId, ids, f, fx.book(f, ids));
    }

    @Test
    void theGateBlocksAnUnfitPassengerNamingThemAndWritesNothing() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        fx.fitness(fam.people().get(1).id(), TravelFitness.UNFIT, MovementFixture.TODAY, MovementFixture.DEPARTURE.plusDays(5));
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> {
                    assertThat(e.blocked()).hasSize(1);
                    assertThat(e.blocked().getFirst().name()).isEqualTo("Mariama Diallo");
                    assertThat(e.blocked().getFirst().problems()).extracting(GateProblem::kind).containsExactly(Kind.UNFIT);
                    assertThat(e.blocked().getFirst().fitness()).isEqualTo(TravelFitness.UNFIT);
                });
        ManifestService.Review r = fx.ws.manifests().review(fx.officer, m.id());
        assertThat(r.passengers()).isEmpty();
        assertThat(r.candidates()).hasSize(3);
        assertThat(r.candidates().stream().filter(PassengerCheck::blocked)).hasSize(1);
        assertThat(fam.movements()).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.BOOKED));
    }

    @Test
    void aHouseholdTravelsTogetherUnlessTheSplitIsConfirmed() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        List<String> parents = fam.movements().subList(0, 2);
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), parents, false))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> assertThat(e.blocked())
                        .allSatisfy(c -> assertThat(c.problems()).extracting(GateProblem::kind).containsExactly(Kind.HOUSEHOLD_SPLIT)));
        fx.ws.manifests().add(fx.officer, m.id(), parents, true);
        assertThat(parents).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.ON_MANIFEST));
        // the child left behind could not travel alone on a later departure, but here joins the parents
        fx.ws.manifests().add(fx.officer, m.id(), List.of(fam.movements().get(2)), false);
        assertThat(fx.ws.manifests().review(fx.officer, m.id()).listed()).hasSize(3).noneMatch(PassengerCheck::blocked);
    }

    @Test
    void aChildAloneOnAManifestIsBlocked() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), List.of(fam.movements().get(2)), true))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> assertThat(e.blocked().getFirst().problems())
                        .extracting(GateProblem::kind).containsExactly(Kind.UNACCOMPANIED_MINOR));
    }

    @Test
    void onlyTravellersBookedOnTheDepartureCanBeAdded() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        String other = fx.single("Sekou", "Toure");
        fx.documentsReady(List.of(other));
        fx.cleared(List.of(other));
        fx.book(fx.flight(), List.of(other));
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), List.of(other), false))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> assertThat(e.blocked().getFirst().problems())
                        .extracting(GateProblem::kind).contains(Kind.NOT_BOOKED));
    }

    @Test
    void printingChecksEveryPassengerAgainAndRefusesWhileOneIsBlocked() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        fx.withdrawConsent(fam.people().get(0).id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> fx.ws.manifests().print(fx.officer, m.id(), MovementFixture.KEYS, out))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> assertThat(e.blocked())
                        .extracting(PassengerCheck::personId).containsExactly(fam.people().get(0).id()));
        assertThat(out.size()).isZero();
        assertThat(fx.ws.manifests().find(fx.officer, m.id()).orElseThrow().status()).isEqualTo(ManifestStatus.DRAFT);
        int refusedPrints = fx.ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("MANIFEST_PRINT")
                .and(AUDIT_ENTRY.OUTCOME.eq("FAILED")).and(AUDIT_ENTRY.ENTITY_ID.eq(m.id()))));
        assertThat(refusedPrints).isEqualTo(1);
        // the fix the screen offers: record the consent again
        fx.consent(fam.people().get(0).id());
        assertThat(fx.print(m.id())).startsWith("%PDF".getBytes());
    }

    @Test
    void aPrintedManifestIsFinalUntilItChanges() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        fx.print(m.id());
        assertThat(fx.ws.manifests().find(fx.officer, m.id()).orElseThrow().status()).isEqualTo(ManifestStatus.FINAL);
        fx.ws.manifests().remove(fx.officer, m.id(), fam.movements().get(2), "Travels with the grandmother next week");
        assertThat(fx.ws.manifests().find(fx.officer, m.id()).orElseThrow().status()).isEqualTo(ManifestStatus.DRAFT);
        assertThat(fx.status(fam.movements().get(2))).isEqualTo(MovementStatus.FIT_TO_TRAVEL);
    }

    @Test
    void checkInChecksEachPassengerAgainOnTheDay() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        fx.print(m.id());
        // the pre-embarkation check on the day finds the head of household unfit
        fx.fitness(fam.people().get(0).id(), TravelFitness.UNFIT, MovementFixture.DEPARTURE, MovementFixture.DEPARTURE);
        assertThatThrownBy(() -> fx.ws.departures().board(fx.officer, m.id(), fam.movements().get(0), "12A"))
                .isInstanceOf(GateRefusedException.class);
        PassengerCheck ok = fx.ws.departures().board(fx.officer, m.id(), fam.movements().get(1), "12b");
        assertThat(ok.blocked()).isFalse();
        assertThat(fx.ws.manifests().review(fx.officer, m.id()).passengers())
                .filteredOn(p -> p.movementId().equals(fam.movements().get(1)))
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(PassengerStatus.BOARDED);
                    assertThat(p.seat()).isEqualTo("12B");
                });
        assertThat(fx.lastEvent(fam.movements().get(1)).orElseThrow().type()).isEqualTo(MovementEventType.BOARDED);
    }

    @Test
    void departureNeedsEveryoneCheckedInAndTheManifestPrintedAgainAfterNoShows() {
        Family fam = bookedFamily();
        String alone = fx.single("Ousmane", "Bah");
        fx.documentsReady(List.of(alone));
        fx.cleared(fam.movements());
        fx.cleared(List.of(alone));
        fx.book(fam.flight(), List.of(alone));
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        fx.ws.manifests().add(fx.officer, m.id(), List.of(alone), false);
        fx.print(m.id());
        fam.movements().forEach(id -> fx.ws.departures().board(fx.officer, m.id(), id, null));
        assertThatThrownBy(() -> fx.ws.departures().depart(fx.officer, m.id()))
                .isInstanceOfSatisfying(MovementRefusedException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("movement.refused.notCheckedIn"));
        fx.ws.departures().noShow(fx.officer, m.id(), alone, "Did not come to the airport");
        assertThatThrownBy(() -> fx.ws.departures().depart(fx.officer, m.id()))
                .isInstanceOfSatisfying(MovementRefusedException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("movement.refused.printFirst"));
        fx.print(m.id());
        DepartureService.HeadCount count = fx.ws.departures().depart(fx.officer, m.id());
        assertThat(count).isEqualTo(new DepartureService.HeadCount(3, 1));
        assertThat(fam.movements()).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.DEPARTED));
        assertThat(fx.status(alone)).isEqualTo(MovementStatus.NO_SHOW);
        assertThat(fx.ws.manifests().find(fx.officer, m.id()).orElseThrow().status()).isEqualTo(ManifestStatus.DEPARTED);
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), List.of(alone), false))
                .isInstanceOf(MovementRefusedException.class);
    }

    @Test
    void arrivalAndHandoverMoveTheCaseOnToReintegration() {
        Family fam = bookedFamily();
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.cleared(fam.movements());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        fx.departed(m, fam.movements());
        assertThat(fx.ws.departures().arrive(fx.officer, m.id())).isEqualTo(3);
        assertThat(fam.movements()).allSatisfy(id -> assertThat(fx.status(id)).isEqualTo(MovementStatus.ARRIVED));
        assertThat(fx.lastEvent(fam.movements().getFirst()).orElseThrow().place()).isEqualTo("CKY");
        MovementService.HandoverResult partial = fx.ws.movements().handOver(fx.officer, fam.movements().subList(0, 1), null,
                "Met by the reception team");
        assertThat(partial.casesToAssistance()).isEmpty();
        MovementService.HandoverResult all = fx.ws.movements().handOver(fx.officer, fam.movements().subList(1, 3), null, null);
        assertThat(all.casesToAssistance()).containsExactly(fam.caseId());
        assertThat(all.plansOpened()).isEqualTo(1);
        String caseStatus = fx.ws.store().read(dsl -> dsl.select(CASE_FILE.STATUS).from(CASE_FILE)
                .where(CASE_FILE.ID.eq(fam.caseId())).fetchOne(CASE_FILE.STATUS));
        assertThat(caseStatus).isEqualTo("IN_PROGRESS");
        List<String> plans = fx.ws.store().read(dsl -> dsl.select(ASSISTANCE_PLAN.STATUS, ASSISTANCE_PLAN.CURRENCY)
                .from(ASSISTANCE_PLAN).where(ASSISTANCE_PLAN.CASE_ID.eq(fam.caseId())).fetch()
                .map(r -> r.value1() + " " + r.value2()));
        assertThat(plans).containsExactly("DRAFT GNF");
        assertThat(fx.ws.manifests().find(fx.officer, m.id()).orElseThrow().status()).isEqualTo(ManifestStatus.CLOSED);
    }

    @Test
    void theBoardListsUpcomingDeparturesWithCountsAndBlockers() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        fx.withdrawConsent(fam.people().get(1).id());
        String alone = fx.single("Lansana", "Conte");
        fx.documentsReady(List.of(alone));
        fx.cleared(List.of(alone));
        Flight later = new Flight("HC", "999", "DSS", "CKY", MovementFixture.DEPARTURE.plusDays(2));
        fx.book(later, List.of(alone));
        Manifest m = fx.ws.manifests().openFor(fx.officer, later);
        fx.ws.manifests().add(fx.officer, m.id(), List.of(alone), false);
        List<DepartureService.Departure> board = fx.ws.departures().board(fx.officer, MovementFixture.TODAY,
                MovementFixture.TODAY.plusDays(14));
        assertThat(board).extracting(d -> d.flight().serviceNo()).containsExactly(fam.flight().serviceNo(), "999");
        DepartureService.Departure first = board.getFirst();
        assertThat(first.booked()).isEqualTo(3);
        assertThat(first.listed()).isZero();
        assertThat(first.blocked()).isEqualTo(1);
        assertThat(first.manifest()).isEmpty();
        assertThat(first.zone()).hasToString("Africa/Dakar");
        DepartureService.Departure second = board.get(1);
        assertThat(second.booked()).isEqualTo(1);
        assertThat(second.listed()).isEqualTo(1);
        assertThat(second.blocked()).isZero();
        assertThat(second.manifest()).map(Manifest::manifestNo).hasValueSatisfying(no -> assertThat(no).startsWith("M-DKR-261128-"));
    }

    @Test
    void aCaseworkerSeesMovementsButCannotBookOrPrint() {
        Family fam = bookedFamily();
        fx.cleared(fam.movements());
        Manifest m = fx.ws.manifests().openFor(fx.officer, fam.flight());
        fx.ws.manifests().add(fx.officer, m.id(), fam.movements(), false);
        assertThat(fx.ws.manifests().review(fx.admin, m.id()).listed()).hasSize(3);
        assertThatThrownBy(() -> fx.ws.manifests().print(fx.admin, m.id(), MovementFixture.KEYS, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.ws.movements().transition(fx.admin, fam.movements(), MovementStatus.CANCELLED, "x", null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
