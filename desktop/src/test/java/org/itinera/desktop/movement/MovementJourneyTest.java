package org.itinera.desktop.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.PassengerCheck;
import org.itinera.core.movement.Traveller;
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
 * A movement officer's departure, in a real window on a real encrypted database: book a household
 * found by name, put it on the departure's manifest, print the manifest, check everyone in with the
 * keyboard and record the departure.
 */
@ExtendWith(ApplicationExtension.class)
class MovementJourneyTest {
    static final String OFFICER = TravellingFamily.OFFICER;
    static final String PASSPHRASE = TravellingFamily.PASSPHRASE;

    @TempDir
    static Path dir;
    AppContext context;
    List<String> movements;

    @Start
    void start(Stage stage) {
        try (Workspace ws = TestInstallations.firstRun(dir, Clock.systemDefaultZone())) {
            movements = TravellingFamily.prepare(ws, false).movements();
        }
        context = FxTestSupport.context(dir, "en");
        new AppWindow(context, stage).show();
    }

    @AfterEach
    void closeDatabase() {
        javafx.application.Platform.runLater(context::close);
    }

    @Test
    void bookAHouseholdPutItOnTheManifestPrintItAndRecordTheDeparture(FxRobot robot) throws Exception {
        robot.clickOn("#username").write(OFFICER);
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#nav-MOVEMENT").tryQuery().isPresent());
        robot.clickOn("#nav-MOVEMENT");
        waitUntil(() -> robot.lookup("#departureTable").tryQuery().isPresent());

        // book: find the family by name, add the whole household, one leg Dakar to Conakry
        robot.clickOn("#newBooking");
        robot.clickOn("#travellerSearch").write("diallo").type(KeyCode.ENTER);
        ListView<Traveller> ready = robot.lookup("#readyList").queryListView();
        waitUntil(() -> ready.getItems().size() == 3);
        robot.interact(() -> ready.getSelectionModel().select(0));
        robot.clickOn("#addHousehold");
        waitUntil(() -> robot.lookup("#passengers").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 3);
        String day = LocalDate.now().plusDays(3).toString();
        // the leg's fields, one after the other with Tab, as an officer types them
        robot.clickOn("#reference").write("HCX7Q2");
        robot.interact(() -> robot.lookup("#segment1-carrier").query().requestFocus());
        robot.write("HC").type(KeyCode.TAB).write("301").type(KeyCode.TAB).write("DSS").type(KeyCode.TAB).write("CKY")
                .type(KeyCode.TAB).write(day + " 09:40").type(KeyCode.TAB).write(day + " 11:05");
        assertThat(robot.lookup("#segment1-arrives").queryTextInputControl().getText()).isEqualTo(day + " 11:05");
        robot.clickOn("#saveBooking");
        waitUntil(() -> robot.lookup("#departureTable").tryQuery().isPresent());

        // the board shows the departure with the three booked; open its manifest
        TableView<Departure> board = robot.lookup("#departureTable").queryTableView();
        waitUntil(() -> board.getItems().stream().anyMatch(d -> d.flight().serviceNo().equals("301") && d.booked() == 3));
        robot.interact(() -> {
            int row = board.getItems().indexOf(board.getItems().stream().filter(d -> d.flight().serviceNo().equals("301"))
                    .findFirst().orElseThrow());
            board.getSelectionModel().select(row);
            board.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        TableView<PassengerCheck> candidates = robot.lookup("#candidateTable").queryTableView();
        waitUntil(() -> candidates.getItems().size() == 3 && candidates.getItems().stream().noneMatch(PassengerCheck::blocked));
        robot.interact(() -> candidates.getSelectionModel().select(0));
        robot.clickOn("#addHousehold");
        TableView<ManifestPassenger> listed = robot.lookup("#manifestTable").queryTableView();
        waitUntil(() -> listed.getItems().size() == 3 && candidates.getItems().isEmpty());

        // print: the PDF lands in the exports folder, Arabic names readable in logical order
        robot.clickOn("#printManifest");
        org.itinera.desktop.ui.WrappedText status = robot.lookup("#manifestStatus").queryAs(org.itinera.desktop.ui.WrappedText.class);
        waitUntil(() -> status.getText().contains(".pdf"));
        Path pdf;
        try (Stream<Path> files = Files.list(dir.resolve("exports"))) {
            pdf = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
        String text = Normalizer.normalize(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                Normalizer.Form.NFKC);
        assertThat(p.waitFor()).isZero();
        assertThat(text).contains("DIALLO, Alpha", "ألفا ديالو", "مريم ديالو", "HC 301", "Passenger manifest");

        // check-in with the keyboard only: Enter boards the passenger shown, three times, then depart
        robot.clickOn("#openCheckIn");
        TableView<ManifestPassenger> checkIn = robot.lookup("#checkInTable").queryTableView();
        waitUntil(() -> checkIn.getItems().size() == 3);
        robot.clickOn("#checkInSearch");
        for (int i = 1; i <= 3; i++) {
            int boarded = i;
            robot.type(KeyCode.ENTER);
            waitUntil(() -> checkIn.getItems().stream().filter(x -> x.status().name().equals("BOARDED")).count() == boarded);
        }
        assertThat(robot.lookup("#checkInCounts").queryAs(Label.class).getText()).contains("Boarded 3");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        org.itinera.desktop.ui.WrappedText checkInStatus = robot.lookup("#checkInStatus").queryAs(org.itinera.desktop.ui.WrappedText.class);
        waitUntil(() -> checkInStatus.getText().contains("Departed with 3 on board"));
        Workspace ws = context.workspace();
        assertThat(movements).allSatisfy(id -> assertThat(ws.movements().find(ws.actor(), id).orElseThrow().status())
                .isEqualTo(MovementStatus.DEPARTED));
    }
}
