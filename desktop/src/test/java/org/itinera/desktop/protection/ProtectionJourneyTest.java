package org.itinera.desktop.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
import org.itinera.core.protection.RiskLevel;
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
 * A caseworker screens a person on the Protection tab: a high risk without a safety plan is
 * refused next to the field, the typed notes stay; with a plan the screening is listed, restricted.
 */
@ExtendWith(ApplicationExtension.class)
class ProtectionJourneyTest {
    @TempDir
    Path dir;
    AppContext context;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            String person = ws.persons().create(ws.actor(), new PersonDetails("Blessing", "Okafor", null, null, null, Sex.F,
                    BirthDate.year(2001, true), "NGA", null, null, null, ws.currentUser().officeId())).id();
            ws.cases().open(ws.actor(), new CaseDraft(CaseType.PROTECTION, person, null, ws.currentUser().officeId(), "NGA",
                    null));
        }
        context = FxTestSupport.context(dir, "en");
        new AppWindow(context, stage).show();
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void aCaseworkerRecordsAScreeningThatRestrictsTheCase(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(TestInstallations.ADMIN);
        robot.clickOn("#passphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        robot.clickOn("#search").write("okafor");
        TableView<PersonSummary> persons = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> persons.getItems().size() == 1 && persons.getItems().getFirst().id() != null);
        robot.interact(() -> {
            persons.requestFocus();
            persons.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#personFileTabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#personFileTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-protection".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#saveScreening").tryQuery().isPresent());
        ScrollPane panel = robot.lookup("#protectionPanel").queryAs(ScrollPane.class);
        waitUntil(() -> robot.lookup("#case").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#need-TRAFFICKING_VICTIM");
        robot.interact(() -> robot.lookup("#risk").queryAs(ComboBox.class).getSelectionModel().select(RiskLevel.HIGH));
        robot.interact(() -> panel.setVvalue(0.5));
        robot.clickOn("#notes").write("Referred by the police");
        robot.clickOn("#restrict");
        robot.interact(() -> panel.setVvalue(0.7));
        robot.clickOn("#saveScreening");
        waitUntil(() -> !text(robot, "#safetyPlan-error").isEmpty());
        assertThat(text(robot, "#safetyPlan-error")).isEqualTo("A high or critical risk needs a safety plan.");
        assertThat(robot.lookup("#notes").queryAs(TextArea.class).getText()).isEqualTo("Referred by the police");

        robot.interact(() -> panel.setVvalue(0.5));
        robot.clickOn("#safetyPlan").write("Shelter placement");
        robot.interact(() -> panel.setVvalue(0.7));
        robot.clickOn("#saveScreening");
        waitUntil(() -> lines(robot, "#screeningList").getFirst().contains("Shelter placement"));
        assertThat(lines(robot, "#screeningList")).singleElement().asString().contains("High")
                .contains("Victim of trafficking").contains("restricted");
        robot.interact(() -> panel.setVvalue(0.0));
        capture(robot, "protection-en.png");
    }

    private static List<String> lines(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(VBox.class).getChildren().stream().map(n -> ((WrappedText) n).getText()).toList();
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> x instanceof WrappedText w ? w.getText() : ((javafx.scene.control.Labeled) x).getText()).orElse("");
    }

    private void capture(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        PixelReader px = image[0].getPixelReader();
        BufferedImage out = new BufferedImage((int) image[0].getWidth(), (int) image[0].getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Path dirOut = Path.of("target", "screenshots");
        Files.createDirectories(dirOut);
        ImageIO.write(out, "png", dirOut.resolve(name).toFile());
    }
}
