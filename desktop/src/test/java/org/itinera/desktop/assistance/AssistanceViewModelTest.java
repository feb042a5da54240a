package org.itinera.desktop.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.core.testing.AssistanceCases;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistance forms without a toolkit: what a refused save shows and keeps, and a receipt. */
class AssistanceViewModelTest {
    static final String PASS = "a long passphrase for the view model";
    @TempDir
    Path dir;
    Workspace ws;
    AssistanceViewModel vm;
    String caseId;

    @BeforeEach
    void setUp() {
        try (Workspace admin = TestInstallations.firstRun(dir.resolve("data"), Clock.systemDefaultZone())) {
            admin.users().create(admin.actor(), new NewUser("awa", "Awa", admin.currentUser().officeId(), "en",
                    Set.of(RoleGrant.inOffice(Role.CASEWORKER, admin.currentUser().officeId()))), PASS.toCharArray());
        }
        ws = TestInstallations.installation(dir.resolve("data"), Clock.systemDefaultZone()).signIn("awa", PASS.toCharArray());
        String office = ws.currentUser().officeId();
        String person = ws.persons().create(ws.actor(), new PersonDetails("Mamadou", "Bah", null, null, null, Sex.M,
                BirthDate.year(1994, false), "GIN", null, null, null, office)).id();
        caseId = AssistanceCases.openCase(ws, ws.actor(), person, office);
        vm = new AssistanceViewModel(ws, new CurrentThreadTaskExecutor(), Messages.forLanguage("en"));
        vm.open(caseId);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    @Test
    void aRefusedPlanKeepsWhatWasTypedAndNamesEachProblemByItsField() {
        assertThat(vm.canWrite()).isTrue();
        vm.currency.set("CFA");
        vm.components.getFirst().description.set("Grocery stock");
        vm.components.getFirst().budget.set("12.5");
        vm.createPlan();
        assertThat(vm.errors()).containsKeys("plan.currency");
        assertThat(vm.summary().get()).startsWith("Not saved.");
        assertThat(vm.components.getFirst().description.get()).isEqualTo("Grocery stock");
        assertThat(vm.currency.get()).isEqualTo("CFA");

        vm.currency.set("XOF");
        vm.createPlan();
        assertThat(vm.errors()).containsOnlyKeys("plan.components.0.budget");
        assertThat(vm.errors().get("plan.components.0.budget")).isEqualTo("XOF amounts are whole numbers, without decimals.");

        vm.components.getFirst().budget.set("450 000");
        vm.createPlan();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.overview().get().plans()).singleElement().satisfies(p -> assertThat(p.budget()).isEqualByComparingTo("450000"));
        assertThat(vm.components).singleElement().satisfies(r -> assertThat(r.description.get()).isEmpty());
    }

    @Test
    void aDeliveryWithAReceiptStartsTheApprovedPlan() throws Exception {
        AssistanceCases.approvedPlan(ws, ws.actor(), caseId);
        vm.open(caseId);
        assertThat(vm.deliveryPlan.get()).isNotNull();
        Path receipt = Files.write(dir.resolve("receipt.pdf"), "%PDF-1.4 receipt".getBytes());
        vm.attachReceipt(receipt);
        vm.deliveryDescription.set("First instalment");
        vm.amount.set("not a number");
        vm.recordDelivery();
        assertThat(vm.errors()).containsOnlyKeys("delivery.amount");
        assertThat(vm.receipt.get()).isNotNull();

        vm.amount.set("150000");
        vm.recordDelivery();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.status().get()).isEqualTo("Delivery recorded.");
        var plan = vm.overview().get().plans().getFirst();
        assertThat(plan.status()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(vm.overview().get().deliveries(plan.id())).singleElement()
                .satisfies(d -> assertThat(d.receiptId()).isPresent());
        assertThat(vm.timeline()).anySatisfy(i -> assertThat(i.summary().key()).isEqualTo("timeline.delivery.amount"));
    }

    @Test
    void aSurveyNeedsTheOverallScoreAndKeepsTheAnswersGivenUntilSaved() {
        vm.answers.get(org.itinera.core.assistance.SurveyQuestion.INFORMED).set(5);
        vm.recordSurvey();
        assertThat(vm.errors()).containsOnlyKeys("survey.overall");
        assertThat(vm.answers.get(org.itinera.core.assistance.SurveyQuestion.INFORMED).get()).isEqualTo(5);
        vm.overall.set(4);
        vm.recordSurvey();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.overview().get().surveys()).singleElement().satisfies(s -> {
            assertThat(s.overallScore()).isEqualTo(4);
            assertThat(s.answers()).containsEntry(org.itinera.core.assistance.SurveyQuestion.INFORMED, 5);
        });
    }
}
