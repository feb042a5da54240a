package org.itinera.desktop.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.movement.SpecialServiceRequest;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.core.testing.MedicalRecords;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The movement screens' view models, without a window, on a real database signed in as a movement officer. */
class MovementViewModelsTest {
    @TempDir
    Path dir;
    Workspace ws;
    final Messages en = Messages.forLanguage("en");
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    TravellingFamily family;

    Workspace officer(boolean onManifest) {
        try (Workspace admin = TestInstallations.firstRun(dir.resolve("data"), Clock.systemDefaultZone())) {
            family = TravellingFamily.prepare(admin, onManifest);
        }
        ws = TestInstallations.installation(dir.resolve("data"), Clock.systemDefaultZone())
                .signIn(TravellingFamily.OFFICER, TravellingFamily.PASSPHRASE.toCharArray());
        return ws;
    }

    @AfterEach
    void close() {
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void theBookingFormBooksAHouseholdTogetherAndKeepsWhatWasTypedWhenRefused() {
        officer(false);
        BookingFormViewModel vm = new BookingFormViewModel(ws, executor, en);
        vm.query().set("ديالو");
        vm.search();
        // the two parents match the Arabic name; their child comes with them
        assertThat(vm.results()).hasSize(3);
        vm.addHousehold(vm.results().getFirst());
        assertThat(vm.passengers()).hasSize(3).extracting(p -> p.traveller().latinName())
                .contains("Fatoumata Diallo");
        vm.passengers().getFirst().services().add(SpecialServiceRequest.WCHR);
        BookingFormViewModel.SegmentRow leg = vm.segments().getFirst();
        String day = LocalDate.now().plusDays(4).toString();
        leg.carrier().set("HC");
        leg.serviceNo().set("305");
        leg.from().set("dss");
        leg.to().set("XYZ");
        leg.departs().set(day + " 9h40");
        leg.arrives().set(day + " 11:05");
        vm.save(b -> { });
        assertThat(vm.errors()).containsKey("segment1");
        assertThat(leg.departs().get()).isEqualTo(day + " 9h40");
        leg.departs().set(day + " 09:40");
        vm.save(b -> { });
        assertThat(vm.errors().get("segment1")).contains("IATA");
        assertThat(vm.airportInfo("DSS")).contains("Blaise Diagne", "Africa/Dakar");
        leg.to().set("CKY");
        String[] saved = new String[1];
        vm.save(b -> saved[0] = b.id());
        assertThat(saved[0]).as(vm.summary().get()).isNotNull();
        assertThat(ws.movements().travellers(ws.actor(), Set3.ids(vm))).allSatisfy(t ->
                assertThat(t.status()).isEqualTo(MovementStatus.BOOKED));
        assertThat(ws.bookings().find(ws.actor(), saved[0]).orElseThrow().passengers())
                .anySatisfy(p -> assertThat(p.services()).containsExactly(SpecialServiceRequest.WCHR));
    }

    @Test
    void theManifestEditorListsEachBlockerWithItsFixAndPrintsOnceFixed() throws Exception {
        officer(true);
        String head = family.movements().getFirst();
        String headPerson = ws.movements().find(ws.actor(), head).orElseThrow().personId();
        MedicalRecords.fitness(ws, headPerson, "UNFIT", LocalDate.now(), LocalDate.now().plusDays(10));
        Path exports = dir.resolve("exports");
        ManifestEditorViewModel vm = new ManifestEditorViewModel(ws, executor, en, exports);
        vm.load(family.manifest().id());
        assertThat(vm.passengers()).hasSize(3);
        assertThat(vm.blockers()).singleElement().satisfies(b -> {
            assertThat(b.listed()).isTrue();
            assertThat(b.check().name()).isEqualTo("Alpha Diallo");
            assertThat(b.text()).isEqualTo("Found unfit to travel.");
        });
        vm.print();
        assertThat(vm.status().get()).startsWith("One passenger cannot travel yet");
        assertThat(exports.resolve(family.manifest().manifestNo() + ".pdf")).doesNotExist();
        vm.remove(head, "Unfit: travels when cleared");
        // still blocked, now as a traveller booked on the departure but not on its manifest
        assertThat(vm.blockers()).singleElement().satisfies(b -> assertThat(b.listed()).isFalse());
        assertThat(vm.passengers()).filteredOn(p -> p.status() == PassengerStatus.REMOVED).hasSize(1);
        vm.print();
        assertThat(Files.readAllBytes(exports.resolve(family.manifest().manifestNo() + ".pdf"))).startsWith("%PDF".getBytes());
        assertThat(vm.status().get()).contains(family.manifest().manifestNo() + ".pdf");
        assertThat(vm.pages()).hasSize(1);
        assertThat(vm.pages().getFirst().getWidth()).isGreaterThan(vm.pages().getFirst().getHeight());
    }

    @Test
    void checkInFindsPassengersByDocumentNumberBoardsThemAndCountsTheNoShows() {
        officer(true);
        ManifestEditorViewModel editor = new ManifestEditorViewModel(ws, executor, en, dir.resolve("exports"));
        editor.load(family.manifest().id());
        editor.print();
        CheckInViewModel vm = new CheckInViewModel(ws, executor, en);
        vm.load(family.manifest().id());
        assertThat(vm.waiting().get()).isEqualTo(3);
        vm.query().set("lpmariama");
        assertThat(vm.shown()).singleElement().extracting(ManifestPassenger::givenNames).isEqualTo("Mariama");
        vm.seat().set("14c");
        vm.board(vm.shown().getFirst());
        assertThat(vm.boarded().get()).isEqualTo(1);
        assertThat(vm.query().get()).isEmpty();
        assertThat(vm.all()).filteredOn(p -> p.givenNames().equals("Mariama")).singleElement()
                .satisfies(p -> assertThat(p.seat()).isEqualTo("14C"));
        vm.board(line(vm, "Fatoumata"));
        ManifestPassenger child = line(vm, "Fatoumata");
        vm.board(child);
        assertThat(vm.status().get()).isEqualTo("FATOUMATA is already Boarded.".replace("FATOUMATA", child.latinName()));
        ManifestPassenger head = vm.all().stream().filter(p -> p.givenNames().equals("Alpha")).findFirst().orElseThrow();
        vm.noShow(head, "Did not come to the airport");
        assertThat(vm.noShows().get()).isEqualTo(1);
        assertThat(vm.waiting().get()).isZero();
        boolean[] departed = {false};
        vm.depart(() -> departed[0] = true);
        assertThat(departed[0]).isFalse();
        assertThat(vm.status().get()).contains("print it again");
        editor.print();
        vm.depart(() -> departed[0] = true);
        assertThat(departed[0]).isTrue();
        assertThat(vm.status().get()).isEqualTo("Departed with 2 on board; 1 no-shows.");
    }

    @Test
    void travellersAreFoundByStepAndAHouseholdMovesOnTogetherWithItsHistory() {
        officer(false);
        TravellersViewModel vm = new TravellersViewModel(ws, executor, en);
        vm.step().set(MovementStatus.DOCUMENTS_READY);
        vm.search();
        assertThat(vm.travellers()).hasSize(3);
        assertThat(vm.steps(vm.travellers())).containsExactlyInAnyOrder(MovementStatus.CANCELLED);
        vm.record(List.copyOf(vm.travellers().subList(0, 1)), MovementStatus.CANCELLED, " ");
        assertThat(vm.status().get()).contains("correct");
        vm.record(List.copyOf(vm.travellers().subList(0, 1)), MovementStatus.CANCELLED, "Chose to stay in Senegal");
        assertThat(vm.travellers()).hasSize(2);
        assertThat(vm.status().get()).isEqualTo("1 travellers now at the step Cancelled.");
        vm.step().set(MovementStatus.CANCELLED);
        vm.query().set("diallo");
        vm.search();
        assertThat(vm.travellers()).singleElement().satisfies(t -> vm.showHistory(t));
        assertThat(vm.history()).extracting(e -> TravellersView.describe(en, e))
                .last().asString().contains("Documents ready → Cancelled", "Chose to stay in Senegal");
    }

    private static ManifestPassenger line(CheckInViewModel vm, String given) {
        return vm.all().stream().filter(p -> p.givenNames().equals(given)).findFirst().orElseThrow();
    }

    /** Movement ids of the passengers on a booking form. */
    private static final class Set3 {
        static List<String> ids(BookingFormViewModel vm) {
            return vm.passengers().stream().map(p -> p.traveller().movementId()).toList();
        }
    }
}
