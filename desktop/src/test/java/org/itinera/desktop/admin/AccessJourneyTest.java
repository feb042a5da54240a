package org.itinera.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.FxTestSupport;
import org.itinera.desktop.shell.AppWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Access control in a real window on a real encrypted database: an administrator creates a
 * caseworker who then signs in; the caseworker sees a person's fitness decision but no medical
 * detail and no administration beyond their own account; consent is recorded and withdrawn on the
 * person's file; the window locks when idle and opens again only with the same passphrase; the
 * audit trail verifies.
 */
@ExtendWith(ApplicationExtension.class)
class AccessJourneyTest {
    static final String BINTA_PASS = "mangoes ripen slowly in kayes";
    @TempDir
    Path dir;
    AppContext context;
    AppWindow window;
    String mariam;

    @Start
    void start(Stage stage) {
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            ws.demoData(11).generate(ws.actor(), 40, ProgressSink.NONE);
            mariam = ws.persons().create(ws.actor(), new PersonDetails("Mariam", "Haddad", null, "مريم", "حداد", Sex.F,
                    BirthDate.year(1994, true), "LBY", null, "ara", null, ws.currentUser().officeId())).id();
            org.itinera.core.testing.MedicalChecks.fitWithNurse(ws, ws.actor(), mariam);
        }
        context = FxTestSupport.context(dir, "en");
        window = new AppWindow(context, stage);
        window.show();
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void anAdminCreatesACaseworkerWhoSignsInAndSeesOnlyTheFitnessDecision(FxRobot robot) {
        signIn(robot, TestInstallations.ADMIN, TestInstallations.PASSPHRASE);
        robot.clickOn("#nav-ADMIN");
        waitUntil(() -> robot.lookup("#userTable").tryQuery().isPresent());
        robot.clickOn("#username").write("binta");
        robot.clickOn("#displayName").write("Binta Camara");
        robot.clickOn("#new-role-CASEWORKER");
        robot.scroll(6, javafx.geometry.VerticalDirection.DOWN);
        robot.clickOn("#passphrase").write(BINTA_PASS);
        robot.clickOn("#passphraseAgain").write(BINTA_PASS);
        robot.clickOn("#createUser");
        waitUntil(() -> text(robot, "#usersStatus").contains("binta"));
        TableView<?> users = robot.lookup("#userTable").queryTableView();
        waitUntil(() -> users.getItems().size() == 2);

        robot.clickOn("#signOut");
        signIn(robot, "binta", BINTA_PASS);
        assertThat(text(robot, "#signedInAs")).contains("Binta Camara").contains("Caseworker");
        robot.clickOn("#search").write("haddad");
        TableView<PersonSummary> persons = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> persons.getItems().size() == 1 && persons.getItems().getFirst().id() != null);
        openFirstPerson(robot, persons);
        try {
            waitUntil(() -> text(robot, "#fitnessStatus").contains("escort"));
        } catch (AssertionError e) {
            throw new AssertionError("fitness line: [" + text(robot, "#fitnessStatus") + "] form: "
                    + robot.lookup("#personForm").tryQuery().isPresent(), e);
        }
        assertThat(text(robot, "#fitnessStatus")).isEqualTo(
                "Fitness to travel: Fit to travel with an escort (nurse), valid from 2026-11-20 to 2026-11-23.");
        // a caseworker has no way to medical details: no control, and the service refuses (matrix test)
        assertThat(robot.lookup(n -> n.getId() != null && n.getId().toLowerCase().contains("assessment")).tryQuery()).isEmpty();
        // the person file has no Medical tab for a caseworker (medical officers get one: MedicalJourneyTest)
        TabPane fileTabs = robot.lookup("#personFileTabs").queryAs(TabPane.class);
        assertThat(fileTabs.getTabs()).extracting(Tab::getId).isNotEmpty().doesNotContain("tab-medical");

        robot.clickOn("#nav-ADMIN");
        waitUntil(() -> robot.lookup("#adminTabs").tryQuery().isPresent());
        TabPane admin = robot.lookup("#adminTabs").queryAs(TabPane.class);
        assertThat(admin.getTabs()).extracting(Tab::getId).containsExactly("admin.tab.matrix", "admin.tab.account");
    }

    @Test
    void consentIsRecordedAndWithdrawnOnThePersonsFile(FxRobot robot) {
        signIn(robot, TestInstallations.ADMIN, TestInstallations.PASSPHRASE);
        robot.clickOn("#search").write("haddad");
        TableView<PersonSummary> persons = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> persons.getItems().size() == 1 && persons.getItems().getFirst().id() != null);
        openFirstPerson(robot, persons);
        waitUntil(() -> robot.lookup("#personFileTabs").tryQuery().isPresent());
        robot.clickOn("Consent");
        waitUntil(() -> robot.lookup("#recordConsent").tryQuery().isPresent());
        javafx.scene.control.ScrollPane panel = robot.lookup("#consentPanel").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> panel.setVvalue(1.0));
        robot.clickOn("#recordConsent");
        robot.interact(() -> panel.setVvalue(0.0));
        TableView<?> consents = robot.lookup("#consentTable").queryTableView();
        waitUntil(() -> consents.getItems().size() == 1);
        assertThat(text(robot, "#consentStatus")).isEqualTo("Consent for Assistance recorded.");
        robot.interact(() -> consents.getSelectionModel().select(0));
        robot.clickOn("#withdrawConsent");
        waitUntil(() -> text(robot, "#consentStatus").startsWith("Withdrawal"));
        waitUntil(() -> robot.lookup("Withdrawn " + java.time.LocalDate.now()).tryQuery().isPresent());
        assertThat(context.workspace().consentPolicy().decide(mariam, ConsentPurpose.ASSISTANCE, null).allowed()).isFalse();
    }

    @Test
    void theWindowLocksWhenIdleAndOpensOnlyWithTheSameUsersPassphrase(FxRobot robot) {
        window.idleDelay(javafx.util.Duration.millis(1500));
        signIn(robot, TestInstallations.ADMIN, TestInstallations.PASSPHRASE);
        waitUntil(() -> robot.lookup("#lockScreen").tryQuery().isPresent());
        assertThat(robot.lookup("#personTable").tryQuery()).as("nothing of the work is visible").isEmpty();
        robot.clickOn("#unlockPassphrase").write("not the right passphrase at all");
        robot.clickOn("#unlock");
        waitUntil(() -> !text(robot, "#unlockError").isEmpty());
        assertThat(text(robot, "#unlockError")).contains("Wrong username or passphrase");
        robot.clickOn("#unlockPassphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#unlock");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
    }

    @Test
    void theAuditTrailShowsTheSessionAndItsChainVerifies(FxRobot robot) {
        signIn(robot, TestInstallations.ADMIN, TestInstallations.PASSPHRASE);
        robot.clickOn("#nav-ADMIN");
        waitUntil(() -> robot.lookup("#adminTabs").tryQuery().isPresent());
        robot.clickOn("Audit trail");
        waitUntil(() -> text(robot, "#auditStatus").endsWith("entries"));
        robot.clickOn("#auditUser").write("admin");
        robot.clickOn("#auditApply");
        TableView<org.itinera.core.audit.AuditEntry> table = robot.lookup("#auditTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().getFirst().seq() > 0);
        assertThat(table.getItems()).extracting(org.itinera.core.audit.AuditEntry::action).contains("SIGN_IN");
        robot.clickOn("#auditVerify");
        waitUntil(() -> text(robot, "#auditVerification").startsWith("The chain is intact"));
    }

    private static void signIn(FxRobot robot, String user, String passphrase) {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(user);
        robot.clickOn("#passphrase").write(passphrase);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent() || robot.lookup("#lockScreen").tryQuery().isPresent());
    }

    /** Selects the first row and presses Enter, the keyboard way to open a person's file. */
    private static void openFirstPerson(FxRobot robot, TableView<PersonSummary> persons) {
        robot.interact(() -> {
            persons.requestFocus();
            persons.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#personFileTabs").tryQuery().isPresent());
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> x instanceof org.itinera.desktop.ui.WrappedText w ? w.getText()
                : ((javafx.scene.control.Labeled) x).getText()).orElse("");
    }
}
