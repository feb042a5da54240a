package org.itinera.desktop.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;
import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.assistance.AssistanceOverview;
import org.itinera.core.assistance.DeliveryDraft;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUpDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.AssistanceCases;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.FxTestSupport;
import org.itinera.desktop.shell.AppWindow;
import org.itinera.desktop.ui.WrappedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A caseworker creates a reintegration plan, approves it, records a delivery and a follow-up visit,
 * on a real encrypted database; a refused save keeps what was typed and shows the error next to the
 * field and in the summary. An Arabic-speaking caseworker sees the same screens right to left.
 * Screenshots go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class AssistanceJourneyTest {
    static final String PASS = "baobabs shade the market of kindia";
    @TempDir
    Path dir;
    AppContext context;
    String emptyCase;
    String emptyCaseNo;
    String fullCaseNo;

    @Start
    void start(Stage stage) {
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            ws.demoData(5).generate(ws.actor(), 10, ProgressSink.NONE);
            String office = ws.currentUser().officeId();
            ws.users().create(ws.actor(), new NewUser("awa", "Awa Ndiaye", office, "en",
                    Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), PASS.toCharArray());
            ws.users().create(ws.actor(), new NewUser("layla", "Layla Haddad", office, "ar",
                    Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), PASS.toCharArray());
            Actor awa = ws.users().activeAccount("awa").orElseThrow().asActor();
            String person = ws.persons().create(awa, new PersonDetails("Mamadou", "Bah", null, "مامادو", "با", Sex.M,
                    BirthDate.year(1994, false), "GIN", null, null, null, office)).id();
            emptyCase = AssistanceCases.openCase(ws, awa, person, office);
            emptyCaseNo = caseNo(ws, emptyCase);
            String full = AssistanceCases.openCase(ws, awa, person, office);
            fullCaseNo = caseNo(ws, full);
            Plan p = AssistanceCases.approvedPlan(ws, awa, full);
            ws.assistance().recordDelivery(awa, new DeliveryDraft(p.id(), p.components().getFirst().id(), LocalDate.now(),
                    DeliveryModality.CASH, "First instalment", new BigDecimal("150000"), null));
            ws.assistance().recordFollowUp(awa, new FollowUpDraft(full, LocalDate.now(), VisitType.HOME, 7, "Shop open"));
        }
        context = FxTestSupport.context(dir, null); // each account in its own language
        new AppWindow(context, stage).show();
        stage.setWidth(1366);
        stage.setHeight(900);
    }

    private static String caseNo(Workspace ws, String caseId) {
        return ws.store().read(dsl -> dsl.select(CASE_FILE.CASE_NO).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId))
                .fetchOne(CASE_FILE.CASE_NO));
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void aCaseworkerCreatesAPlanRecordsADeliveryAndAFollowUp(FxRobot robot) throws IOException {
        signIn(robot, "awa");
        robot.clickOn("#nav-ASSISTANCE");
        waitUntil(() -> robot.lookup("#assistanceCaseNo").tryQuery().isPresent());
        robot.clickOn("#assistanceCaseNo").write(emptyCaseNo);
        robot.clickOn("#assistanceOpenCase");
        waitUntil(() -> text(robot, "#assistanceHeader").contains(emptyCaseNo));
        assertThat(text(robot, "#assistanceHeader")).contains("Mamadou Bah");

        // a budget that is not a number: refused, shown next to the field and in the summary, nothing lost
        write(robot, "plan.components.0.description", "Grocery stock and shelves");
        write(robot, "plan.components.0.budget", "four hundred");
        fire(robot, "createPlan");
        waitUntil(() -> !text(robot, "#assistanceSummary").isEmpty());
        assertThat(text(robot, "#plan.components.0.budget-error")).isEqualTo("Write a number, e.g. 1500 or 1500.50.");
        assertThat(text(robot, "#assistanceSummary")).startsWith("Not saved.");
        assertThat(field(robot, "plan.components.0.description").getText()).isEqualTo("Grocery stock and shelves");
        // a currency the service refuses: the error comes back from the service, next to its field
        write(robot, "plan.currency", "CFA");
        write(robot, "plan.components.0.budget", "450000");
        fire(robot, "createPlan");
        waitUntil(() -> !text(robot, "#plan.currency-error").isEmpty());
        assertThat(text(robot, "#plan.currency-error")).startsWith("Write a currency code of ISO 4217");
        assertThat(field(robot, "plan.components.0.budget").getText()).isEqualTo("450000");

        write(robot, "plan.currency", "XOF");
        fire(robot, "addComponent");
        waitUntil(() -> lookup(robot, "plan.components.1.description").isPresent());
        robot.interact(() -> ((ComboBox<PlanCategory>) lookup(robot, "plan.components.1.category").orElseThrow())
                .setValue(PlanCategory.PSYCHOSOCIAL));
        write(robot, "plan.components.1.description", "Counselling sessions");
        write(robot, "plan.components.1.budget", "60 000");
        fire(robot, "createPlan");
        waitUntil(() -> text(robot, "#assistanceStatus").equals("Plan created."));
        waitUntil(() -> plansText(robot).contains("Grocery stock and shelves"));
        assertThat(plansText(robot)).contains("budget 510000 XOF").contains("Psychosocial: Counselling sessions — 60000 XOF");
        screenshot(robot, "assistance-plan-en.png");

        fire(robot, "approvePlan");
        waitUntil(() -> text(robot, "#assistanceStatus").equals("Plan approved."));
        write(robot, "delivery.description", "First instalment for the stock");
        write(robot, "delivery.amount", "150000");
        fire(robot, "recordDelivery");
        waitUntil(() -> text(robot, "#assistanceStatus").equals("Delivery recorded."));
        waitUntil(() -> plansText(robot).contains("First instalment for the stock 150000 XOF"));
        assertThat(plansText(robot)).contains("In progress");

        selectTab(robot, "tabFollowUps");
        write(robot, "followUp.score", "7");
        write(robot, "followUp.notes", "Shop open six days a week");
        fire(robot, "recordFollowUp");
        waitUntil(() -> text(robot, "#assistanceStatus").equals("Follow-up visit recorded."));
        waitUntil(() -> robot.lookup("#assistanceFollowUps").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().contains("sustainability 7/10")));
        screenshot(robot, "assistance-followup-en.png");

        selectTab(robot, "tabTimeline");
        ListView<?> timeline = robot.lookup("#assistanceTimeline").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().size() >= 5);
        screenshot(robot, "assistance-timeline-en.png");

        AssistanceOverview o = context.workspace().assistance().overview(context.workspace().actor(), emptyCase);
        assertThat(o.plans()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.IN_PROGRESS);
            assertThat(p.components()).hasSize(2);
            assertThat(o.deliveries(p.id())).singleElement().satisfies(d -> assertThat(d.amount()).isEqualByComparingTo("150000"));
        });
        assertThat(o.followUps()).singleElement().satisfies(f -> assertThat(f.sustainabilityScore()).contains(7));
    }

    @Test
    void anArabicSpeakingCaseworkerSeesTheAssistanceRightToLeft(FxRobot robot) throws IOException {
        signIn(robot, "layla");
        robot.clickOn("#nav-ASSISTANCE");
        waitUntil(() -> robot.lookup("#assistanceCaseNo").tryQuery().isPresent());
        robot.clickOn("#assistanceCaseNo").write(fullCaseNo);
        robot.clickOn("#assistanceOpenCase");
        waitUntil(() -> text(robot, "#assistanceHeader").contains(fullCaseNo));
        assertThat(text(robot, "#assistanceHeader")).startsWith("الملف");
        assertThat(robot.lookup("#assistance").query().getEffectiveNodeOrientation())
                .isEqualTo(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        waitUntil(() -> plansText(robot).contains("First instalment"));
        screenshot(robot, "assistance-plan-ar.png");
        selectTab(robot, "tabFollowUps");
        screenshot(robot, "assistance-followup-ar.png");
        selectTab(robot, "tabTimeline");
        ListView<?> timeline = robot.lookup("#assistanceTimeline").queryAs(ListView.class);
        waitUntil(() -> timeline.getItems().size() >= 4);
        screenshot(robot, "assistance-timeline-ar.png");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void signIn(FxRobot robot, String user) {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(user);
        robot.clickOn("#passphrase").write(PASS);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#nav-ASSISTANCE").tryQuery().isPresent());
    }

    /** Ids with dots ("plan.currency") are not CSS selectors: look them up by id. */
    private static Optional<Node> lookup(FxRobot robot, String id) {
        return robot.lookup(n -> id.equals(n.getId())).tryQuery();
    }

    private static TextField field(FxRobot robot, String id) {
        return (TextField) lookup(robot, id).orElseThrow(() -> new AssertionError("no field " + id));
    }

    /** Types into a field (the forms are longer than the window: the field is focused and set). */
    private static void write(FxRobot robot, String id, String value) {
        TextField f = field(robot, id);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(value);
        });
    }

    private static void fire(FxRobot robot, String id) {
        ButtonBase b = (ButtonBase) lookup(robot, id).orElseThrow(() -> new AssertionError("no button " + id));
        waitUntil(() -> !b.isDisabled());
        robot.interact(b::fire);
    }

    private static void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#assistanceTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    private static String plansText(FxRobot robot) {
        javafx.scene.layout.VBox plans = robot.lookup("#assistancePlans").queryAs(javafx.scene.layout.VBox.class);
        StringBuilder sb = new StringBuilder();
        plans.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Label l) {
                sb.append(l.getText()).append('\n');
            }
        });
        return sb.toString();
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = query.startsWith("#") && query.contains(".")
                ? lookup(robot, query.substring(1)) : robot.lookup(query).tryQuery();
        return n.map(x -> x instanceof WrappedText w ? w.getText()
                : ((javafx.scene.control.Labeled) x).getText()).orElse("");
    }

    private static void screenshot(FxRobot robot, String name) throws IOException {
        Node root = robot.lookup("#assistance").query().getScene().getRoot();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = root.snapshot(null, null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Path dirOut = Path.of("target", "screenshots");
        Files.createDirectories(dirOut);
        ImageIO.write(out, "png", dirOut.resolve(name).toFile());
    }
}
