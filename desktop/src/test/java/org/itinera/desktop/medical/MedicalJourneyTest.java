package org.itinera.desktop.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.FitnessStatus;
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
 * Record an assessment as a medical officer, in a real window on a real encrypted database: sign
 * in, open a person, fill the assessment and the decision; a refused save shows the error beside
 * the field and keeps what was typed; the saved assessment and decision are listed. The screen is
 * captured in English and in Arabic (target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class MedicalJourneyTest {
    static final String MEDIC = "awa.sow";
    static final String MEDIC_PASS = "baobabs shade the clinic yard";
    static final String FINDINGS = "Healthy adult, mild hypertension under treatment";
    @TempDir
    Path dir;
    AppContext context;
    Stage stage;
    String person;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            ws.users().create(ws.actor(), new NewUser(MEDIC, "Awa Sow", ws.currentUser().officeId(), "en",
                    Set.of(RoleGrant.everywhere(Role.MEDICAL_OFFICER))), MEDIC_PASS.toCharArray());
            person = ws.persons().create(ws.actor(), new PersonDetails("Alpha", "Diallo", null, "ألفا", "ديالو", Sex.M,
                    BirthDate.year(1982, false), "GIN", null, null, null, ws.currentUser().officeId())).id();
        }
    }

    void open(String language) {
        context = FxTestSupport.context(dir, language);
        new AppWindow(context, stage).show();
    }

    @AfterEach
    void closeDatabase() {
        if (context != null) {
            javafx.application.Platform.runLater(context::close);
        }
    }

    @Test
    void aMedicalOfficerRecordsAnAssessmentAndItsDecision(FxRobot robot) throws Exception {
        robot.interact(() -> open("en"));
        openMedicalTab(robot);

        reveal(robot, "#history");
        robot.clickOn("#history").write("Hypertension since 2020");
        reveal(robot, "#tests");
        robot.clickOn("#tests").write("Blood pressure: 150/95");
        robot.interact(() -> robot.lookup("#decision").queryAs(ComboBox.class).getSelectionModel()
                .select(Fitness.FIT_WITH_ESCORT));
        reveal(robot, "#saveMedicalCheck");
        robot.clickOn("#saveMedicalCheck");
        // refused: no findings, and "fit with escort" without an escort; nothing typed is lost
        waitUntil(() -> !text(robot, "#medicalSummary").isEmpty());
        assertThat(text(robot, "#findings-error")).isEqualTo("Required.");
        assertThat(text(robot, "#escort-error")).isEqualTo("Choose the escort this person needs.");
        assertThat(robot.lookup("#history").queryAs(TextArea.class).getText()).isEqualTo("Hypertension since 2020");
        assertThat(lines(robot, "#assessmentList")).containsExactly("No assessment yet.");
        reveal(robot, "#findings");
        capture(robot, "medical-en-refused.png");

        reveal(robot, "#findings");
        robot.clickOn("#findings").write(FINDINGS);
        robot.interact(() -> robot.lookup("#escort").queryAs(ComboBox.class).getSelectionModel().select(EscortLevel.NURSE));
        reveal(robot, "#conditions");
        robot.clickOn("#conditions").write("Blood pressure checked before boarding");
        reveal(robot, "#saveMedicalCheck");
        robot.clickOn("#saveMedicalCheck");
        waitUntil(() -> text(robot, "#medicalStatus").startsWith("Assessment saved"));
        waitUntil(() -> lines(robot, "#assessmentList").getFirst().contains(FINDINGS)
                && lines(robot, "#decisionList").getFirst().contains("Nurse"));
        assertThat(lines(robot, "#assessmentList")).singleElement().asString().contains("Pre-departure").contains("Awa Sow");
        assertThat(lines(robot, "#decisionList")).singleElement().asString()
                .startsWith("• Fit to travel with an escort (Nurse)").contains("Blood pressure checked before boarding");
        assertThat(text(robot, "#findings-error")).isEmpty();
        waitUntil(() -> text(robot, "#fitnessStatus").contains("escort (nurse)"));
        // what the rest of the mission sees: the decision alone
        Optional<FitnessStatus> fitness = context.workspace().health().fitness(context.workspace().actor(), person);
        assertThat(fitness).map(FitnessStatus::decision).contains(Fitness.FIT_WITH_ESCORT);
        // and a referral for treatment, its reason sealed like the rest
        reveal(robot, "#reason");
        robot.clickOn("#reason").write("Cardiology review of blood pressure");
        reveal(robot, "#refer");
        robot.clickOn("#refer");
        try {
            waitUntil(() -> lines(robot, "#referralList").getFirst().contains("Cardiology review"));
        } catch (AssertionError e) {
            throw new AssertionError("referrals " + lines(robot, "#referralList") + " summary [" + text(robot, "#medicalSummary")
                    + "] status [" + text(robot, "#medicalStatus") + "] reason [" + robot.lookup("#reason")
                    .queryAs(TextArea.class).getText() + "]", e);
        }
        assertThat(lines(robot, "#referralList").getFirst()).contains("Sent");
        scrollTo(robot, 0.0);
        capture(robot, "medical-en.png");
    }

    @Test
    void theMedicalFileReadsRightToLeftInArabic(FxRobot robot) throws Exception {
        robot.interact(() -> open("ar"));
        openMedicalTab(robot);
        assertThat(robot.lookup("#medicalPanel").query().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        reveal(robot, "#findings");
        robot.clickOn("#findings").write("سليم");
        reveal(robot, "#saveMedicalCheck");
        robot.clickOn("#saveMedicalCheck");
        waitUntil(() -> !text(robot, "#decision-error").isEmpty());
        assertThat(robot.lookup("#findings").queryAs(TextArea.class).getText()).isEqualTo("سليم");
        scrollTo(robot, 0.0);
        capture(robot, "medical-ar.png");
    }

    private void openMedicalTab(FxRobot robot) {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(MEDIC);
        robot.clickOn("#passphrase").write(MEDIC_PASS);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        robot.clickOn("#search").write("diallo");
        TableView<PersonSummary> persons = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> persons.getItems().size() == 1 && persons.getItems().getFirst().id() != null);
        robot.interact(() -> {
            persons.requestFocus();
            persons.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#tab-medical").tryQuery().isPresent() || robot.lookup("#personFileTabs").tryQuery()
                .map(t -> ((javafx.scene.control.TabPane) t).getTabs().stream().anyMatch(x -> "tab-medical".equals(x.getId())))
                .orElse(false));
        robot.interact(() -> {
            var tabs = robot.lookup("#personFileTabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-medical".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#saveMedicalCheck").tryQuery().isPresent());
    }

    /** Scrolls the medical panel so that a node is in the middle of the view. */
    private static void reveal(FxRobot robot, String query) {
        var panel = robot.lookup("#medicalPanel").queryAs(javafx.scene.control.ScrollPane.class);
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            double content = panel.getContent().getBoundsInLocal().getHeight();
            double view = panel.getViewportBounds().getHeight();
            double y = panel.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            panel.setVvalue(Math.max(0, Math.min(1, (y - view / 2) / Math.max(1, content - view))));
        });
    }

    private static void scrollTo(FxRobot robot, double v) {
        var panel = robot.lookup("#medicalPanel").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> panel.setVvalue(v));
    }

    private static java.util.List<String> lines(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((org.itinera.desktop.ui.WrappedText) n).getText()).toList();
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> x instanceof org.itinera.desktop.ui.WrappedText w ? w.getText()
                : ((javafx.scene.control.Labeled) x).getText()).orElse("");
    }

    /** Saves what the window shows, for people to look at (target/screenshots). */
    private void capture(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PixelReader px = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
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
