package org.itinera.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.itinera.core.testing.TestInstallations;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.FxTestSupport;
import org.itinera.desktop.shell.AppWindow;
import org.itinera.desktop.ui.WrappedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A package from laptop B on a stick: the user imports the folder and reads the report. */
@ExtendWith(ApplicationExtension.class)
class SyncJourneyTest {
    @TempDir
    static Path dir;
    static Path stick;
    AppContext context;

    /** Two machines' data, made before the window opens: a new person and the same two fields edited on each side. */
    @BeforeAll
    static void prepare() {
        try (SyncPair pair = new SyncPair(dir.resolve("here"), dir.resolve("other"))) {
            SyncPair.person(pair.other, "Aminata", "Koné");
            var awa = SyncPair.person(pair.here, "Awa", "Diallo");
            pair.hereToOther(dir.resolve("earlier"));
            SyncLabelsTest.edit(pair.here, awa.id(), "Awa Marie", org.itinera.core.casefile.Sex.X);
            SyncLabelsTest.edit(pair.other, awa.id(), "Aoua", org.itinera.core.casefile.Sex.U);
            stick = dir.resolve("stick");
            pair.otherToHere(stick);
        }
    }

    @Start
    void start(Stage stage) {
        context = FxTestSupport.context(dir.resolve("here"), language());
        new AppWindow(context, stage).show();
    }

    static void selectTab(FxRobot robot, String id) {
        javafx.scene.control.TabPane tabs = robot.lookup("#syncTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    String language() {
        return "en";
    }

    /** With -Ditinera.screenshots=DIR, saves what the screen shows (for review; not an assertion). */
    void screenshot(FxRobot robot, String name) {
        String folder = System.getProperty("itinera.screenshots");
        if (folder == null) {
            return;
        }
        javafx.scene.image.Image image = robot.capture(robot.listTargetWindows().getFirst().getScene().getRoot()).getImage();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            java.nio.file.Files.createDirectories(Path.of(folder));
            javax.imageio.ImageIO.write(out, "png", Path.of(folder, name + "-" + language() + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void importingAFolderFromAStickShowsWhatWasApplied(FxRobot robot) {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(TestInstallations.ADMIN);
        robot.clickOn("#passphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        robot.clickOn("#nav-SYNC");
        waitUntil(() -> robot.lookup("#importPath").tryQuery().isPresent());
        robot.interact(() -> robot.listTargetWindows().getFirst().setWidth(1366));
        robot.interact(() -> robot.listTargetWindows().getFirst().setHeight(768));
        robot.clickOn("#importPath").write(stick.toString());
        robot.clickOn("#addImportPath");
        robot.clickOn("#runImport");
        ListView<?> reports = robot.lookup("#importReports").queryAs(ListView.class);
        waitUntil(() -> reports.getItems().size() == 1);
        ImportViewModel.ReportRow row = (ImportViewModel.ReportRow) reports.getItems().getFirst();
        assertThat(row.status()).isEqualTo(org.itinera.sync.exchange.ImportReport.Status.APPLIED);
        assertThat(row.sentence()).isEqualTo(context.messages().get("sync.import.applied", row.sentence()
                .replaceAll("\\D+", " ").strip().split(" ")[0]));
        assertThat(robot.lookup("#importStatus").queryAs(WrappedText.class).getText()).isNotBlank();
        screenshot(robot, "sync-import");
        selectTab(robot, "sync.ui.tab.conflicts");
        waitUntil(() -> robot.lookup("#conflictList").tryQuery().isPresent());
        robot.interact(() -> { });
        selectTab(robot, "sync.ui.tab.export");
        screenshot(robot, "sync-export");
        selectTab(robot, "sync.ui.tab.peers");
        waitUntil(() -> robot.lookup("#peerList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(robot.lookup("#deviceFingerprint").queryLabeled().getText()).contains("-");
        screenshot(robot, "sync-peers");
        selectTab(robot, "sync.ui.tab.conflicts");
        waitUntil(() -> robot.lookup("#conflictVersions").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 2);
        // the list names the fields in words of the interface language, never by their column names
        var m = context.messages();
        waitUntil(() -> robot.lookup("#conflictList .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getAccessibleText() != null).count() == 2);
        assertThat(robot.lookup("#conflictList .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getAccessibleText).filter(java.util.Objects::nonNull)
                .map(SyncLabels::withoutIsolates).toList())
                .anySatisfy(t -> assertThat(t).endsWith(m.get("sync.record.person") + (m.rightToLeft() ? ": " : m.locale()
                        .getLanguage().equals("fr") ? " : " : ": ") + m.get("sync.field.sex")))
                .anySatisfy(t -> assertThat(t).endsWith(m.get("sync.field.given_name")))
                .noneSatisfy(t -> assertThat(t).contains("given_name"));
        screenshot(robot, "sync-conflicts");
    }
}
