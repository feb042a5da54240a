package org.itinera.desktop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.MergedRecord;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.FxTestSupport;
import org.itinera.desktop.shell.AppWindow;
import org.itinera.desktop.ui.WrappedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A data officer finds two records of the same woman, merges the misspelt one into the other from
 * the person file (search, compare, reason, confirm), sees it and its case in the Merged records tab
 * and gone from the registry, then unmerges it and finds both again. In English and in Arabic.
 */
@ExtendWith(ApplicationExtension.class)
class MergeJourneyTest {
    static final String OFFICER = "ibrahim.bah";

    @TempDir
    Path dir;
    AppContext context;
    Stage stage;
    String caseNo;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void launch(String language) {
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            String office = ws.currentUser().officeId();
            ws.users().create(ws.actor(), new NewUser(OFFICER, "Ibrahim Bah", office, language,
                    Set.of(RoleGrant.inOffice(Role.DATA_OFFICER, office))), TestInstallations.PASSPHRASE.toCharArray());
            ws.persons().create(ws.actor(), new PersonDetails("Mariama", "Diallo", null, "مريم", "ديالو", Sex.F,
                    BirthDate.year(1994, true), "GIN", null, null, "+224 620 11 22 33", office));
            String dup = ws.persons().create(ws.actor(), new PersonDetails("Mariama", "Dialo", null, null, null, Sex.F,
                    BirthDate.year(1994, true), "GIN", null, null, null, office)).id();
            caseNo = ws.cases().open(ws.actor(), new CaseDraft(CaseType.AVRR, dup, null, office, "GIN", null));
        }
        context = FxTestSupport.context(dir, language);
        javafx.application.Platform.runLater(() -> new AppWindow(context, stage).show());
    }

    @AfterEach
    void closeDatabase() {
        if (context != null) {
            javafx.application.Platform.runLater(context::close);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aDataOfficerMergesADuplicateAndUnmergesIt(String language, FxRobot robot) throws Exception {
        launch(language);
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(OFFICER);
        robot.clickOn("#passphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        robot.clickOn("#search").write("mariama");
        TableView<PersonSummary> persons = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> persons.getItems().size() == 2 && persons.getItems().getFirst().id() != null);
        PersonSummary keep = persons.getItems().stream().filter(p -> p.latinName().equals("Mariama Diallo")).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            persons.requestFocus();
            persons.getSelectionModel().select(keep);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#personFileTabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#personFileTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-merged".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#mergeDuplicate").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<MergedRecord> merged = robot.lookup("#mergedList").queryAs(ListView.class);
        assertThat(merged.getItems()).isEmpty();

        robot.clickOn("#mergeDuplicate");
        waitUntil(() -> robot.lookup("#mergeSearch").tryQuery().isPresent());
        robot.clickOn("#mergeSearch").write("dialo");
        @SuppressWarnings("unchecked")
        ListView<PersonSummary> candidates = robot.lookup("#mergeCandidates").queryAs(ListView.class);
        waitUntil(() -> candidates.getItems().size() == 1);
        assertThat(candidates.getItems().getFirst().latinName()).isEqualTo("Mariama Dialo");
        // without a choice or a reason the dialog refuses and stays open
        robot.clickOn("#confirmMerge");
        waitUntil(() -> !text(robot, "#mergeError").isEmpty());
        assertThat(robot.lookup("#mergeSearch").tryQuery()).isPresent();
        robot.interact(() -> candidates.getSelectionModel().select(0));
        assertThat(text(robot, "#mergeOther")).contains("Mariama Dialo");
        assertThat(text(robot, "#mergeThis")).contains("Mariama Diallo").contains("مريم");
        robot.clickOn("#mergeReason").write("Same phone and birth year");
        capture(robot, robot.lookup("#mergeSearch").query().getScene(), "merge-dialog-" + language + ".png");
        robot.clickOn("#confirmMerge");

        waitUntil(() -> merged.getItems().size() == 1);
        waitUntil(() -> robot.lookup("#mergeSearch").tryQuery().isEmpty());
        assertThat(merged.getItems().getFirst().person().latinName()).isEqualTo("Mariama Dialo");
        // the duplicate's case is listed on the survivor's file
        waitUntil(() -> robot.lookup("#mergedList .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().contains(caseNo)));
        waitUntil(() -> persons.getItems().size() == 1);
        assertThat(persons.getItems()).extracting(PersonSummary::latinName).containsExactly("Mariama Diallo");
        capture(robot, stage.getScene(), "merge-tab-" + language + ".png");

        robot.interact(() -> merged.getSelectionModel().select(0));
        robot.clickOn("#unmerge");
        waitUntil(() -> merged.getItems().isEmpty());
        waitUntil(() -> persons.getItems().size() == 2);
        assertThat(persons.getItems()).extracting(PersonSummary::latinName)
                .containsExactlyInAnyOrder("Mariama Diallo", "Mariama Dialo");
        assertThat(text(robot, "#mergeStatus")).contains("Mariama Dialo");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof WrappedText w ? w.getText() : "").orElse("");
    }

    private static void capture(FxRobot robot, Scene scene, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
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
