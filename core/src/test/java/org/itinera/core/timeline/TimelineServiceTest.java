package org.itinera.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.assistance.DeliveryDraft;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUpDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.ReferralDraft;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.NewConsent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.AssistanceCases;
import org.itinera.core.testing.MedicalRecords;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.HealthAssessmentRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case timeline shows each viewer only what their role and office let them see. */
class TimelineServiceTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-01T09:00:00Z");
    final Actor system = Actor.system("timeline-test");
    Workspace ws;
    String office;
    Actor caseworker;
    Actor movementOfficer;
    Actor medicalOfficer;
    String person;
    String caseId;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, clock);
        ws.demoData(3).generate(ws.actor(), 2, ProgressSink.NONE);
        office = ws.currentUser().officeId();
        caseworker = user("awa.ndiaye", Role.CASEWORKER);
        movementOfficer = user("omar.diop", Role.MOVEMENT_OFFICER);
        medicalOfficer = user("dr.sall", Role.MEDICAL_OFFICER);
        person = ws.persons().create(caseworker, new PersonDetails("Mariama", "Diallo", null, null, null, Sex.F,
                BirthDate.year(1992, false), "GIN", null, null, null, office)).id();
        caseId = AssistanceCases.openCase(ws, caseworker, person, office);
        String partner = ws.consents().partners().getFirst().id();
        ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.DATA_SHARING, partner,
                LocalDate.of(2026, 11, 1), ConsentMethod.SIGNED, null, null, null));
        clock.advance(Duration.ofDays(1));
        String movement = ws.movements().request(system, new MovementRequest(caseId, List.of(person),
                MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", true)).getFirst();
        clock.advance(Duration.ofDays(1));
        ws.movements().transition(system, List.of(movement), MovementStatus.ELIGIBILITY_CHECKED, null, null);
        clock.advance(Duration.ofDays(1));
        assessment(LocalDate.of(2026, 11, 4));
        MedicalRecords.fitness(ws, person, "FIT_WITH_ESCORT", LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 4));
        clock.advance(Duration.ofDays(2));
        Plan plan = AssistanceCases.approvedPlan(ws, caseworker, caseId);
        clock.advance(Duration.ofDays(1));
        ws.assistance().recordDelivery(caseworker, new DeliveryDraft(plan.id(), null, LocalDate.now(clock),
                DeliveryModality.CASH, "First instalment", new BigDecimal("150000"), null));
        var referral = ws.assistance().refer(caseworker, new ReferralDraft(caseId, partner, "Vocational training",
                LocalDate.now(clock)));
        clock.advance(Duration.ofDays(1));
        ws.assistance().updateReferral(caseworker, referral.id(), ReferralStatus.ACCEPTED, LocalDate.now(clock), null);
        ws.assistance().recordFollowUp(caseworker, new FollowUpDraft(caseId, LocalDate.now(clock), VisitType.HOME, 7, null));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Actor user(String username, Role role) {
        return ws.users().create(ws.actor(), new NewUser(username, username, office, "en",
                Set.of(RoleGrant.inOffice(role, office))), "a long passphrase for the tests".toCharArray()).asActor();
    }

    private void assessment(LocalDate on) {
        ws.store().write(system, AuditEvent.ok("MEDICAL_ASSESS", "person", person), tx -> {
            HealthAssessmentRecord r = tx.newRecord(HEALTH_ASSESSMENT);
            r.setId(tx.ids().next());
            r.setPersonId(person);
            r.setCaseId(caseId);
            r.setAssessmentType("PRE_DEPARTURE");
            r.setAssessedOn(on.toString());
            r.setDetailsSealed("tuberculosis screening positive".getBytes());
            tx.insert(r);
            return null;
        });
    }

    private static Set<TimelineKind> kinds(List<TimelineItem> items) {
        return items.stream().map(TimelineItem::kind).collect(java.util.stream.Collectors.toSet());
    }

    private static String everything(List<TimelineItem> items) {
        return items.stream().map(i -> i.summary().toString()).reduce("", String::concat);
    }

    @Test
    void aCaseworkerSeesCaseMovementFitnessAndAssistanceButNoMedicalItemInTimeOrder() {
        List<TimelineItem> items = ws.timeline().ofPerson(caseworker, person);
        assertThat(kinds(items)).containsExactlyInAnyOrder(TimelineKind.CASE, TimelineKind.CONSENT, TimelineKind.MOVEMENT,
                TimelineKind.FITNESS, TimelineKind.PLAN, TimelineKind.DELIVERY, TimelineKind.REFERRAL, TimelineKind.FOLLOW_UP);
        assertThat(items).extracting(TimelineItem::at).isSorted();
        assertThat(items.getFirst().summary().key()).isEqualTo("timeline.case.opened");
        assertThat(items).filteredOn(i -> i.kind() == TimelineKind.FITNESS).singleElement()
                .satisfies(i -> assertThat(i.summary().args()).contains(UserMessage.of("enum.Fitness.FIT_WITH_ESCORT")));
        assertThat(items).filteredOn(i -> i.kind() == TimelineKind.REFERRAL).extracting(i -> i.summary().args().get(2))
                .containsExactly(UserMessage.of("enum.ReferralStatus.SENT"), UserMessage.of("enum.ReferralStatus.ACCEPTED"));
        assertThat(everything(items)).doesNotContain("tuberculosis").doesNotContain("PRE_DEPARTURE");
    }

    @Test
    void aMovementOfficerSeesTheFitnessDecisionButNeitherMedicalNorAssistanceItems() {
        List<TimelineItem> items = ws.timeline().ofPerson(movementOfficer, person);
        assertThat(kinds(items)).containsExactlyInAnyOrder(TimelineKind.CASE, TimelineKind.CONSENT, TimelineKind.MOVEMENT,
                TimelineKind.FITNESS);
        assertThat(everything(items)).doesNotContain("tuberculosis").doesNotContain("150000");
    }

    @Test
    void aMedicalOfficerSeesThatAnAssessmentTookPlaceButNoAssistance() {
        List<TimelineItem> items = ws.timeline().ofPerson(medicalOfficer, person);
        assertThat(kinds(items)).contains(TimelineKind.MEDICAL, TimelineKind.FITNESS)
                .doesNotContain(TimelineKind.PLAN, TimelineKind.DELIVERY, TimelineKind.REFERRAL, TimelineKind.FOLLOW_UP);
        assertThat(items).filteredOn(i -> i.kind() == TimelineKind.MEDICAL).singleElement()
                .satisfies(i -> assertThat(i.summary()).isEqualTo(UserMessage.of("timeline.medical.assessment",
                        UserMessage.of("timeline.assessment.PRE_DEPARTURE"))));
        assertThat(everything(items)).doesNotContain("tuberculosis");
    }

    @Test
    void aCaseShowsItsOwnItemsAndThePersonsFoundByIdOrNumber() {
        String other = AssistanceCases.openCase(ws, caseworker, person, office);
        ws.assistance().recordFollowUp(caseworker, new FollowUpDraft(other, LocalDate.now(clock), VisitType.PHONE, null, null));
        CaseTimeline t = ws.timeline().ofCase(caseworker, caseId);
        assertThat(t.summary().personName()).isEqualTo("Mariama Diallo");
        assertThat(t.items()).allSatisfy(i -> assertThat(i.caseId().orElse(caseId)).isEqualTo(caseId));
        assertThat(kinds(t.items())).contains(TimelineKind.CONSENT, TimelineKind.FITNESS, TimelineKind.FOLLOW_UP);
        assertThat(ws.timeline().ofCase(movementOfficer, t.summary().caseNo()).items()).extracting(TimelineItem::kind)
                .doesNotContain(TimelineKind.FOLLOW_UP, TimelineKind.PLAN, TimelineKind.MEDICAL);
    }

    @Test
    void someoneOfAnotherCountryIsRefusedAndTheRefusalIsAudited() {
        Actor mali = ws.users().create(ws.actor(), new NewUser("binta.keita", "Binta", office, "en",
                Set.of(RoleGrant.inCountry(Role.CASEWORKER, "MLI"))), "a long passphrase for the tests".toCharArray()).asActor();
        assertThatThrownBy(() -> ws.timeline().ofPerson(mali, person)).isInstanceOf(AccessDeniedException.class);
        ws.timeline().ofPerson(caseworker, person);
        assertThat((int) ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("TIMELINE_VIEW")
                .and(AUDIT_ENTRY.ENTITY_ID.eq(person))))).isEqualTo(1);
    }

    @Test
    void itemsOfARestrictedCaseAreForItsOwnerAndWhomItWasSharedWith() {
        String owner = ws.users().create(ws.actor(), new NewUser("fatou.sy", "Fatou Sy", office, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), "a long passphrase for the tests".toCharArray()).id();
        ws.store().write(system, AuditEvent.ok("CASE_RESTRICT", "case", caseId), tx -> {
            var c = tx.dsl().selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne();
            c.setRestricted(true);
            c.setOwnerUserId(owner);
            tx.update(c);
            return null;
        });
        List<TimelineItem> others = ws.timeline().ofPerson(caseworker, person);
        assertThat(kinds(others)).containsExactlyInAnyOrder(TimelineKind.CONSENT, TimelineKind.FITNESS);
        Actor ownerActor = ws.users().activeAccount("fatou.sy").orElseThrow().asActor();
        assertThat(kinds(ws.timeline().ofPerson(ownerActor, person))).contains(TimelineKind.CASE, TimelineKind.PLAN,
                TimelineKind.MOVEMENT);
        assertThatThrownBy(() -> ws.timeline().ofCase(caseworker, caseId)).isInstanceOf(AccessDeniedException.class);

        ws.protection().share(ownerActor, caseId, caseworker.userId());
        assertThat(kinds(ws.timeline().ofPerson(caseworker, person))).contains(TimelineKind.CASE, TimelineKind.PLAN);
        assertThat(ws.timeline().ofCase(caseworker, caseId).items()).isNotEmpty();
    }
}
