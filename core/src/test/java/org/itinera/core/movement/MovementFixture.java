package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.CONSENT;
import static org.itinera.schema.jooq.Tables.MOVEMENT;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Relationship;
import org.itinera.core.casefile.Sex;
import org.itinera.core.testing.MedicalRecords;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.ConsentRecord;
import org.itinera.schema.jooq.tables.records.MovementRecord;

/**
 * A real installation with a movement officer, and helpers that prepare travellers the way the
 * mission does: register, request, documents, consent, fitness (as a medical officer would
 * record it), booking, manifest. Today is 2026-11-23; departures are on 2026-11-26 from Dakar.
 */
final class MovementFixture implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate DEPARTURE = LocalDate.of(2026, 11, 26);
    static final ManifestLabels KEYS = (key, args) -> args.length == 0 ? key : key + " " + List.of(args);

    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final Workspace ws;
    final Actor admin;
    final Actor officer;
    private int flights;

    MovementFixture(Path dir) {
        ws = TestInstallations.firstRun(dir, clock);
        admin = ws.actor();
        officer = ws.users().create(admin, new NewUser("moussa.keita", "Moussa Keïta", ws.currentUser().officeId(), "en",
                Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), "a long movement officer passphrase".toCharArray())
                .asActor();
    }

    @Override
    public void close() {
        ws.close();
    }

    Person person(String given, String family, String givenAr, String familyAr, Sex sex, int birthYear) {
        return ws.persons().create(admin, new PersonDetails(given, family, null, givenAr, familyAr, sex,
                BirthDate.year(birthYear, false), "GIN", null, null, null, ws.currentUser().officeId()));
    }

    /** A household of the given persons (the first is the head, the second the spouse, the rest children). */
    String household(List<Person> people) {
        String id = ws.households().create(admin, "HH-" + people.getFirst().id().substring(30), ws.currentUser().officeId(),
                people.getFirst().id());
        for (int i = 1; i < people.size(); i++) {
            ws.households().addMember(admin, id, people.get(i).id(), i == 1 ? Relationship.SPOUSE : Relationship.CHILD);
        }
        return id;
    }

    String openCase(Person head, String householdId) {
        String caseNo = ws.cases().open(admin, new CaseDraft(CaseType.AVRR, head.id(), householdId,
                ws.currentUser().officeId(), "GIN", null));
        return ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo))
                .fetchOne(CASE_FILE.ID));
    }

    List<String> request(String caseId, List<Person> people) {
        return ws.movements().request(officer, new MovementRequest(caseId, people.stream().map(Person::id).toList(),
                MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", true));
    }

    /** One traveller alone, requested. */
    String single(String given, String family) {
        Person p = person(given, family, null, null, Sex.M, 1990);
        return request(openCase(p, null), List.of(p)).getFirst();
    }

    void passport(String personId, LocalDate expires) {
        ws.movements().recordTravelDocument(officer, personId, new TravelDocument("PASSPORT",
                "P" + personId.substring(28, 35).toUpperCase(java.util.Locale.ROOT), "GIN", TODAY.minusYears(1), expires));
    }

    void consent(String personId) {
        ws.movements().recordTravelConsent(officer, personId, new TravelConsent(TravelConsent.Method.SIGNED, TODAY, null,
                null, null));
    }

    /** A fitness-to-travel decision as the medical module records it (decision and validity only). */
    void fitness(String personId, TravelFitness decision, LocalDate from, LocalDate until) {
        MedicalRecords.fitness(ws, personId, decision.name(), from, until);
        // decisions are ordered by when they were made
        clock.advance(java.time.Duration.ofSeconds(1));
    }

    void withdrawConsent(String personId) {
        ws.store().write(Actor.system("consent-test"), AuditEvent.ok("CONSENT_WITHDRAW", "person", personId), tx -> {
            for (ConsentRecord c : tx.dsl().selectFrom(CONSENT).where(CONSENT.PERSON_ID.eq(personId)).fetch()) {
                c.setWithdrawnOn(TODAY.toString());
                tx.update(c);
            }
            return null;
        });
    }

    /** Puts a movement in a status directly, as a sync from another laptop could (for refusal tests). */
    void forceStatus(String movementId, MovementStatus status) {
        ws.store().write(Actor.system("test"), AuditEvent.ok("TEST", "movement", movementId), tx -> {
            MovementRecord r = tx.dsl().selectFrom(MOVEMENT).where(MOVEMENT.ID.eq(movementId)).fetchOne();
            r.setStatus(status.name());
            tx.update(r);
            return null;
        });
    }

    String personOf(String movementId) {
        return ws.movements().find(officer, movementId).orElseThrow().personId();
    }

    MovementStatus status(String movementId) {
        return ws.movements().find(officer, movementId).orElseThrow().status();
    }

    /** Everything a traveller needs before booking: eligibility checked, passport, documents ready. */
    void documentsReady(List<String> movementIds) {
        ws.movements().transition(officer, movementIds, MovementStatus.ELIGIBILITY_CHECKED, null, null);
        movementIds.forEach(id -> passport(personOf(id), DEPARTURE.plusYears(3)));
        ws.movements().transition(officer, movementIds, MovementStatus.DOCUMENTS_READY, null, null);
    }

    /** Consent and a fit decision valid around the departure. */
    void cleared(List<String> movementIds) {
        movementIds.forEach(id -> {
            consent(personOf(id));
            fitness(personOf(id), TravelFitness.FIT, DEPARTURE.minusDays(2), DEPARTURE.plusDays(2));
        });
    }

    /** A new flight Dakar to Conakry on the departure day (each call a different flight number). */
    Flight flight() {
        flights++;
        return new Flight("HC", Integer.toString(300 + flights), "DSS", "CKY", DEPARTURE);
    }

    Booking book(Flight f, List<String> movementIds) {
        List<PassengerDraft> passengers = new ArrayList<>();
        movementIds.forEach(id -> passengers.add(PassengerDraft.of(id)));
        return ws.bookings().book(officer, new BookingDraft("PNR" + f.serviceNo() + "X", BookingStatus.CONFIRMED,
                List.of(new SegmentDraft(f.carrier(), f.serviceNo(), f.from(), f.to(), f.date().atTime(9, 40),
                        f.date().atTime(11, 5))), passengers, List.of()));
    }

    /** Travellers ready, booked on a new flight and on its manifest. */
    Manifest onManifest(List<String> movementIds) {
        documentsReady(movementIds);
        cleared(movementIds);
        Flight f = flight();
        book(f, movementIds);
        Manifest m = ws.manifests().openFor(officer, f);
        ws.manifests().add(officer, m.id(), movementIds, false);
        return m;
    }

    byte[] print(String manifestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ws.manifests().print(officer, manifestId, KEYS, out);
        return out.toByteArray();
    }

    /** Printed, everyone boarded, departed. */
    void departed(Manifest m, List<String> movementIds) {
        print(m.id());
        movementIds.forEach(id -> ws.departures().board(officer, m.id(), id, null));
        ws.departures().depart(officer, m.id());
    }

    List<MovementEvent> history(String movementId) {
        return ws.movements().history(officer, movementId);
    }

    Optional<MovementEvent> lastEvent(String movementId) {
        List<MovementEvent> h = history(movementId);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.getLast());
    }

    static LocalDateTime at(LocalDate d, int h, int m) {
        return d.atTime(h, m);
    }
}
