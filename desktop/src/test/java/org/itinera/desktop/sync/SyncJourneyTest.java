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
    Path dir;
    AppContext context;
    Path stick;

    @Start
    void start(Stage stage) {
        try (SyncPair pair = new SyncPair(dir.resolve("here"), dir.resolve("other"))) {
            SyncPair.person(pair.other, "Aminata", "Koné");
            stick = dir.resolve("stick");
            pair.otherToHere(stick);
        }
        context = FxTestSupport.context(dir.resolve("here"), "en");
        new AppWindow(context, stage).show();
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
        robot.clickOn("#importPath").write(stick.toString());
        robot.clickOn("#addImportPath");
        robot.clickOn("#runImport");
        ListView<?> reports = robot.lookup("#importReports").queryAs(ListView.class);
        waitUntil(() -> reports.getItems().size() == 1);
        ImportViewModel.ReportRow row = (ImportViewModel.ReportRow) reports.getItems().getFirst();
        assertThat(row.outcome()).isEqualTo("applied");
        assertThat(row.sentence()).startsWith("Imported: ");
        assertThat(robot.lookup("#importStatus").queryAs(WrappedText.class).getText()).startsWith("1 packages read");
        robot.clickOn("Peers");
        waitUntil(() -> robot.lookup("#peerList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(robot.lookup("#deviceFingerprint").queryLabeled().getText()).startsWith("This device’s fingerprint: ");
    }
}
