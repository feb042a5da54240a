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
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Relationship;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.movement.PassengerCheck;
import org.itinera.core.movement.Traveller;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.testing.MedicalRecords;
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
    static final String OFFICER = "moussa.keita";
    static final String PASSPHRASE = "a long movement officer passphrase";

    @TempDir
    static Path dir;
    AppContext context;
    List<String> movements;

    @Start
    void start(Stage stage) {
        try (Workspace ws = TestInstallations.firstRun(dir, Clock.systemDefaultZone())) {
            var officer = ws.users().create(ws.actor(), new NewUser(OFFICER, "Moussa Keïta", ws.currentUser().officeId(), "en",
                    Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), PASSPHRASE.toCharArray()).asActor();
            String office = ws.currentUser().officeId();
            Person head = ws.persons().create(ws.actor(), new PersonDetails("Alpha", "Diallo", null, "ألفا", "ديالو", Sex.M,
                    BirthDate.year(1982, false), "GIN", null, "ful", null, office));
            Person spouse = ws.persons().create(ws.actor(), new PersonDetails("Mariama", "Diallo", null, "مريم", "ديالو", Sex.F,
                    BirthDate.year(1988, false), "GIN", null, "ful", null, office));
            Person child = ws.persons().create(ws.actor(), new PersonDetails("Fatoumata", "Diallo", null, null, null, Sex.F,
                    BirthDate.year(2017, false), "GIN", null, "ful", null, office));
            String household = ws.households().create(ws.actor(), "HH-DKR-000777", office, head.id());
            ws.households().addMember(ws.actor(), household, spouse.id(), Relationship.SPOUSE);
            ws.households().addMember(ws.actor(), household, child.id(), Relationship.CHILD);
            String caseNo = ws.cases().open(ws.actor(), new CaseDraft(CaseType.AVRR, head.id(), household, office, "GIN", null));
            String caseId = ws.cases().ofPerson(ws.actor(), head.id()).stream().filter(c -> c.caseNo().equals(caseNo))
                    .findFirst().orElseThrow().id();
            movements = ws.movements().request(officer, new MovementRequest(caseId, List.of(head.id(), spouse.id(), child.id()),
                    MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", true));
            ws.movements().transition(officer, movements, MovementStatus.ELIGIBILITY_CHECKED, null, null);
            LocalDate today = LocalDate.now();
            for (Person p : List.of(head, spouse, child)) {
                ws.movements().recordTravelDocument(officer, p.id(), new TravelDocument("LAISSEZ_PASSER",
                        "LP" + p.details().givenName().toUpperCase(java.util.Locale.ROOT), "GIN", today, today.plusMonths(3)));
                MedicalRecords.fitness(ws, p.id(), "FIT", today, today.plusDays(10));
            }
            for (Person p : List.of(head, spouse)) {
                ws.movements().recordTravelConsent(officer, p.id(), new TravelConsent(TravelConsent.Method.SIGNED, today, null,
                        null, null));
            }
            ws.movements().transition(officer, movements, MovementStatus.DOCUMENTS_READY, null, null);
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
        Label status = robot.lookup("#manifestStatus").queryAs(Label.class);
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
        Label checkInStatus = robot.lookup("#checkInStatus").queryAs(Label.class);
        waitUntil(() -> checkInStatus.getText().contains("Departed with 3 on board"));
        Workspace ws = context.workspace();
        assertThat(movements).allSatisfy(id -> assertThat(ws.movements().find(ws.actor(), id).orElseThrow().status())
                .isEqualTo(MovementStatus.DEPARTED));
    }
}
