package org.itinera.desktop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
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
 * A caseworker's day in the registry, in a real window on a real encrypted database: sign in,
 * find people by Latin and Arabic names, register a new person and find them again.
 */
@ExtendWith(ApplicationExtension.class)
class RegistryJourneyTest {
    @TempDir
    static Path dir;
    AppContext context;

    @Start
    void start(Stage stage) {
        try (Workspace ws = TestInstallations.firstRun(dir, java.time.Clock.systemDefaultZone())) {
            ws.demoData(11).generate(ws.actor(), 300, ProgressSink.NONE);
            ws.persons().create(ws.actor(), new PersonDetails("Mariam", "Haddad", null, "مريم", "حداد", Sex.F,
                    BirthDate.year(1994, true), "LBY", null, "ara", null, ws.currentUser().officeId()));
        }
        context = FxTestSupport.context(dir, "en");
        new AppWindow(context, stage).show();
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void signInSearchInLatinAndArabicThenRegisterAPersonAndFindThemAgain(FxRobot robot) throws IOException {
        robot.clickOn("#username").write(TestInstallations.ADMIN);
        robot.clickOn("#passphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        TableView<PersonSummary> table = robot.lookup("#personTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 301 && table.getItems().getFirst().id() != null);

        robot.clickOn("#search").write("haddad");
        waitUntil(() -> table.getItems().size() < 301 && !table.getItems().isEmpty());
        assertThat(table.getItems()).extracting(PersonSummary::latinName).contains("Mariam Haddad");

        robot.doubleClickOn("#search").eraseText(6).write("مريم");
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(p -> p.originalName().contains("مريم")));
        assertThat(table.getItems()).extracting(PersonSummary::latinName).contains("Mariam Haddad");

        robot.clickOn("#newPerson");
        robot.clickOn("#givenName").write("Ousmane");
        robot.clickOn("#familyName").write("Sangaré");
        robot.clickOn("#birthDate").write("31/02/1990");
        robot.clickOn("#savePerson");
        // an impossible date is refused next to the field, and nothing typed is lost
        waitUntil(() -> !robot.lookup("#birthDate-error").queryAs(org.itinera.desktop.ui.WrappedText.class).getText().isEmpty());
        assertThat(robot.lookup("#givenName").queryTextInputControl().getText()).isEqualTo("Ousmane");
        robot.doubleClickOn("#birthDate").eraseText(10).write("1990");
        robot.clickOn("#savePerson");
        waitUntil(() -> robot.lookup("#personForm").tryQuery().isEmpty());

        robot.doubleClickOn("#search").eraseText(10).write("sangare ous");
        waitUntil(() -> table.getItems().size() == 1 && "Ousmane Sangaré".equals(table.getItems().getFirst().latinName()));
        assertThat(table.getItems().getFirst().birth()).isEqualTo("1990");
        assertThat(logsMention("Sangar", "Haddad", "مريم")).isFalse();
        assertThat(LocalDate.now()).isNotNull();
    }

    private static boolean logsMention(String... needles) throws IOException {
        Path logs = dir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String n : needles) {
                    if (text.contains(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
