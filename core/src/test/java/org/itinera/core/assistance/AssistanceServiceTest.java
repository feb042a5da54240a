package org.itinera.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.ATTACHMENT;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;
import static org.itinera.schema.jooq.Tables.REFERRAL_EVENT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.ConsentRequiredException;
import org.itinera.core.consent.NewConsent;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.AssistanceCases;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reintegration assistance on a real encrypted database, as a caseworker of the Dakar office. */
class AssistanceServiceTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    Workspace ws;
    Actor caseworker;
    String person;
    String caseId;
    String partner;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, clock);
        ws.demoData(3).generate(ws.actor(), 2, ProgressSink.NONE);
        String office = ws.currentUser().officeId();
        caseworker = user("awa.ndiaye", RoleGrant.inOffice(Role.CASEWORKER, office));
        person = ws.persons().create(caseworker, new PersonDetails("Mamadou", "Bah", null, null, null, Sex.M,
                BirthDate.year(1994, false), "GIN", null, null, null, office)).id();
        caseId = AssistanceCases.openCase(ws, caseworker, person, office);
        partner = ws.consents().partners().getFirst().id();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Actor user(String username, RoleGrant grant) {
        return ws.users().create(ws.actor(), new NewUser(username, username, ws.currentUser().officeId(), "en",
                Set.of(grant)), "a long passphrase for the tests".toCharArray()).asActor();
    }

    private void shareWithPartner() {
        ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.DATA_SHARING, partner,
                LocalDate.of(2026, 11, 1), ConsentMethod.SIGNED, null, null, null));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static List<String> keys(ValidationException e) {
        return e.errors().stream().map(x -> x.message().key()).toList();
    }

    private List<Record3<String, String, String>> audit(String prefix) {
        return ws.store().read(dsl -> dsl.select(AUDIT_ENTRY.ACTION, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.DETAIL)
                .from(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTION.startsWith(prefix)).orderBy(AUDIT_ENTRY.SEQ).fetch());
    }

    @Test
    void aReferralGoesFromSentToClosedWithAnAuditEntryAndAHistoryStepEachTime() {
        shareWithPartner();
        Referral r = ws.assistance().refer(caseworker, new ReferralDraft(caseId, partner, "  Vocational training  ",
                LocalDate.of(2026, 11, 10)));
        assertThat(r.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(r.service()).isEqualTo("Vocational training");
        assertThat(r.personId()).isEqualTo(person);

        ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.ACCEPTED, LocalDate.of(2026, 11, 12), "Place in January");
        ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.SERVICE_DELIVERED, LocalDate.of(2026, 11, 20), null);
        Referral closed = ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.CLOSED,
                LocalDate.of(2026, 11, 22), "Certificate obtained");

        assertThat(closed.status()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(closed.statusOn()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(closed.feedback()).contains("Certificate obtained");
        assertThat(closed.history()).extracting(Referral.Step::to).containsExactly(ReferralStatus.SENT,
                ReferralStatus.ACCEPTED, ReferralStatus.SERVICE_DELIVERED, ReferralStatus.CLOSED);
        assertThat(closed.history().get(1).feedback()).contains("Place in January");

        var entries = audit("REFERRAL_");
        assertThat(entries).extracting(Record3::value1).containsExactly("REFERRAL_SEND", "REFERRAL_ACCEPTED",
                "REFERRAL_SERVICE_DELIVERED", "REFERRAL_CLOSED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.value2()).isEqualTo(caseId);
            assertThat(e.value3()).contains("referral=" + r.id());
        });
        assertThat((int) ws.store().read(dsl -> dsl.fetchCount(REFERRAL_EVENT, REFERRAL_EVENT.REFERRAL_ID.eq(r.id())))).isEqualTo(4);
        assertThat(ws.assistance().overview(caseworker, caseId).referrals()).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(ReferralStatus.CLOSED));
    }

    @Test
    void aReferralCannotSkipAStepNorMoveOnceClosedOrRefusedAndNothingIsWritten() {
        shareWithPartner();
        Referral r = ws.assistance().refer(caseworker, new ReferralDraft(caseId, partner, "Housing", LocalDate.of(2026, 11, 10)));
        int before = audit("REFERRAL_").size();

        assertThatThrownBy(() -> ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.CLOSED,
                LocalDate.of(2026, 11, 11), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactly("status");
                    assertThat(keys(e)).containsExactly("assistance.error.referralTransition");
                });
        assertThatThrownBy(() -> ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.REFUSED,
                LocalDate.of(2026, 11, 11), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("feedback"));
        ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.REFUSED, LocalDate.of(2026, 11, 11), "No places left");
        assertThatThrownBy(() -> ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.ACCEPTED,
                LocalDate.of(2026, 11, 12), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("assistance.error.referralFinal"));
        assertThatThrownBy(() -> ws.assistance().updateReferral(caseworker, r.id(), ReferralStatus.ACCEPTED,
                LocalDate.of(2026, 11, 9), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).contains("statusOn"));
        assertThat(audit("REFERRAL_")).hasSize(before + 1);
    }

    @Test
    void everyAllowedAndRefusedReferralChangeFollowsTheLifeCycle() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                boolean allowed = switch (from) {
                    case SENT -> to == ReferralStatus.ACCEPTED || to == ReferralStatus.REFUSED;
                    case ACCEPTED -> to == ReferralStatus.SERVICE_DELIVERED;
                    case SERVICE_DELIVERED -> to == ReferralStatus.CLOSED;
                    case CLOSED, REFUSED -> false;
                };
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(allowed);
            }
        }
    }

    @Test
    void aReferralToAPartnerNeedsTheDataSharingConsentAndWritesNothingWithout() {
        assertThatThrownBy(() -> ws.assistance().refer(caseworker, new ReferralDraft(caseId, partner, "Housing",
                LocalDate.of(2026, 11, 10)))).isInstanceOf(ConsentRequiredException.class);
        assertThat(audit("REFERRAL_")).isEmpty();
        assertThat(ws.assistance().overview(caseworker, caseId).referrals()).isEmpty();
    }

    @Test
    void aPlanKeepsItsComponentsAndBudgetInMinorUnitsOfItsCurrency() {
        Plan p = ws.assistance().createPlan(caseworker, new PlanDraft(caseId, "EUR", null, List.of(
                new ComponentDraft(PlanCategory.ECONOMIC, "Tools", new BigDecimal("1200.50")),
                new ComponentDraft(PlanCategory.SOCIAL, "School fees", new BigDecimal("300")))));
        assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(p.components()).extracting(PlanComponent::budgetMinor).containsExactlyInAnyOrder(120050L, 30000L);
        assertThat(p.budget()).isEqualByComparingTo("1500.50");
        assertThat(audit("ASSISTANCE_PLAN_CREATE")).singleElement().satisfies(e -> assertThat(e.value2()).isEqualTo(caseId));
    }

    @Test
    void aPlanIsRefusedWithEveryProblemNamedByField() {
        assertThatThrownBy(() -> ws.assistance().createPlan(caseworker, new PlanDraft(caseId, "XYZ", null, List.of(
                new ComponentDraft(null, " ", new BigDecimal("-5")),
                new ComponentDraft(PlanCategory.SOCIAL, "Rent", new BigDecimal("10.5"))))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "currency", "components.0.category", "components.0.description", "components.0.budget"));
        assertThatThrownBy(() -> ws.assistance().createPlan(caseworker, new PlanDraft(caseId, "XOF", null, List.of(
                new ComponentDraft(PlanCategory.SOCIAL, "Rent", new BigDecimal("10.5"))))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactly("components.0.budget");
                    assertThat(keys(e)).containsExactly("assistance.error.amountWhole");
                });
        assertThatThrownBy(() -> ws.assistance().createPlan(caseworker, new PlanDraft(caseId, "eur", null, List.of())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("currency", "components"));
        assertThat(ws.assistance().overview(caseworker, caseId).plans()).isEmpty();
    }

    @Test
    void deliveriesNeedAnApprovedPlanAndTheFirstOneStartsIt() {
        Plan draft = AssistanceCases.plan(ws, caseworker, caseId);
        clock.advance(java.time.Duration.ofDays(5));
        DeliveryDraft cash = new DeliveryDraft(draft.id(), draft.components().getFirst().id(), LocalDate.of(2026, 11, 25),
                DeliveryModality.CASH, "First instalment", new BigDecimal("150000"), null);
        assertThatThrownBy(() -> ws.assistance().recordDelivery(caseworker, cash))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("plan"));

        ws.assistance().changePlanStatus(caseworker, draft.id(), PlanStatus.APPROVED);
        Delivery d = ws.assistance().recordDelivery(caseworker, cash);
        assertThat(d.amount()).isEqualByComparingTo("150000");
        assertThat(d.currency()).isEqualTo("XOF");
        Receipt receipt = new Receipt("receipt-0042.pdf", "application/pdf", "%PDF-1.4 receipt".getBytes());
        Delivery inKind = ws.assistance().recordDelivery(caseworker, new DeliveryDraft(draft.id(), null,
                LocalDate.of(2026, 11, 26), DeliveryModality.IN_KIND, "Two sacks of rice", null, receipt));
        assertThat(inKind.receiptId()).isPresent();
        assertThat(ws.assistance().receipt(caseworker, inKind.id())).get()
                .satisfies(r -> assertThat(new String(r.content())).isEqualTo("%PDF-1.4 receipt"));
        assertThat((int) ws.store().read(dsl -> dsl.fetchCount(ATTACHMENT))).isEqualTo(1);

        AssistanceOverview o = ws.assistance().overview(caseworker, caseId);
        assertThat(o.plans()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PlanStatus.IN_PROGRESS));
        assertThat(o.deliveries(draft.id())).hasSize(2);
        assertThat(audit("ASSISTANCE_DELIVERY")).hasSize(2);
    }

    @Test
    void deliveriesAreValidated() {
        Plan p = AssistanceCases.approvedPlan(ws, caseworker, caseId);
        assertThatThrownBy(() -> ws.assistance().recordDelivery(caseworker, new DeliveryDraft(p.id(), "not-a-component",
                LocalDate.of(2026, 12, 1), DeliveryModality.CASH, "", null,
                new Receipt("x.exe", "application/x-msdownload", new byte[] {1}))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "deliveredOn", "description", "component", "amount", "receipt"));
        assertThat(ws.assistance().overview(caseworker, caseId).deliveries(p.id())).isEmpty();
    }

    @Test
    void aPlanMovesOnlyForward() {
        Plan p = AssistanceCases.plan(ws, caseworker, caseId);
        assertThatThrownBy(() -> ws.assistance().changePlanStatus(caseworker, p.id(), PlanStatus.COMPLETED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keys(e)).containsExactly("assistance.error.planTransition"));
        ws.assistance().changePlanStatus(caseworker, p.id(), PlanStatus.CANCELLED);
        assertThatThrownBy(() -> ws.assistance().addComponent(caseworker, p.id(),
                new ComponentDraft(PlanCategory.SOCIAL, "Rent", BigDecimal.TEN)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("plan"));
    }

    @Test
    void followUpsAndSurveysAreRecordedWithTheirScoresInRange() {
        FollowUp f = ws.assistance().recordFollowUp(caseworker, new FollowUpDraft(caseId, LocalDate.of(2026, 11, 20),
                VisitType.HOME, 8, "Shop open six days a week"));
        assertThat(f.sustainabilityScore()).contains(8);
        assertThatThrownBy(() -> ws.assistance().recordFollowUp(caseworker, new FollowUpDraft(caseId, null, null, 11, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("visitOn", "visitType", "score"));
        Survey s = ws.assistance().recordSurvey(caseworker, new SurveyDraft(caseId, LocalDate.of(2026, 11, 21), 4,
                Map.of(SurveyQuestion.INFORMED, 5, SurveyQuestion.ASSISTANCE_TIMELY, 3)));
        assertThat(s.answers()).containsEntry(SurveyQuestion.ASSISTANCE_TIMELY, 3);
        assertThatThrownBy(() -> ws.assistance().recordSurvey(caseworker, new SurveyDraft(caseId, LocalDate.of(2026, 11, 21),
                0, Map.of(SurveyQuestion.INFORMED, 9))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("overall", "answer.INFORMED"));
        AssistanceOverview o = ws.assistance().overview(caseworker, caseId);
        assertThat(o.followUps()).hasSize(1);
        assertThat(o.surveys()).hasSize(1);
    }

    @Test
    void aMovementOfficerCannotReadAssistanceAndACaseworkerElsewhereCannotWrite() {
        Actor movement = user("omar.diop", RoleGrant.inOffice(Role.MOVEMENT_OFFICER, ws.currentUser().officeId()));
        assertThatThrownBy(() -> ws.assistance().overview(movement, caseId)).isInstanceOf(AccessDeniedException.class);
        Actor mali = user("binta.keita", RoleGrant.inCountry(Role.CASEWORKER, "MLI"));
        assertThatThrownBy(() -> AssistanceCases.plan(ws, mali, caseId)).isInstanceOf(AccessDeniedException.class);
        assertThat(ws.assistance().overview(caseworker, caseId).plans()).isEmpty();
    }
}
