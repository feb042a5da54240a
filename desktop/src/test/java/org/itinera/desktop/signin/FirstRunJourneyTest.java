package org.itinera.desktop.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.itinera.core.reference.Country;
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

/** The first person to open Itinera on a laptop sets it up, and weak choices are explained. */
@ExtendWith(ApplicationExtension.class)
class FirstRunJourneyTest {
    @TempDir
    static Path dir;
    AppContext context;

    @Start
    void start(Stage stage) {
        context = FxTestSupport.context(dir, "en");
        new AppWindow(context, stage).show();
    }

    @AfterEach
    void close() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void aWeakPassphraseIsExplainedThenTheAdministratorIsCreatedAndSignedIn(FxRobot robot) {
        robot.clickOn("#adminUsername").write("mariama.sow");
        robot.clickOn("#adminDisplayName").write("Mariama Sow");
        robot.clickOn("#passphrase").write("password");
        robot.clickOn("#passphraseAgain").write("password");
        robot.clickOn("#officeCode").write("NIM");
        robot.clickOn("#officeName").write("Niamey");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Country> box = (ComboBox<Country>) robot.lookup("#officeCountry").query();
            box.setValue(box.getItems().stream().filter(c -> c.alpha3().equals("NER")).findFirst().orElseThrow());
        });
        robot.clickOn("#createInstallation");
        waitUntil(() -> !robot.lookup("#passphrase-error").queryAs(WrappedText.class).getText().isEmpty());
        assertThat(robot.lookup("#passphrase-error").queryAs(WrappedText.class).getText()).startsWith("At least 15 characters");
        assertThat(robot.lookup("#firstRunError").queryAs(WrappedText.class).getText()).contains("nothing has been saved");
        assertThat(dir.resolve("keyring.json")).doesNotExist();

        robot.doubleClickOn("#passphrase").eraseText(8).write("river stones under the baobab");
        robot.doubleClickOn("#passphraseAgain").eraseText(8).write("river stones under the baobab");
        robot.clickOn("#createInstallation");
        waitUntil(() -> robot.lookup("#signedInAs").tryQuery().isPresent());
        assertThat(robot.lookup("#signedInAs").queryLabeled().getText()).contains("Mariama Sow");
        assertThat(dir.resolve("keyring.json")).exists();
        assertThat(dir.resolve("itinera.db")).exists();
    }
}
