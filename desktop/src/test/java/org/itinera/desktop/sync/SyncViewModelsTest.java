package org.itinera.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.desktop.i18n.Messages;
import org.itinera.sync.exchange.ImportReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync screens' ViewModels on two real installations, without a toolkit. */
class SyncViewModelsTest {
    @TempDir
    Path tmp;
    SyncPair pair;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final Messages m = new Messages(Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        pair = new SyncPair(tmp.resolve("here"), tmp.resolve("other"));
    }

    @AfterEach
    void tearDown() {
        pair.close();
    }

    ImportViewModel importer() {
        return new ImportViewModel(pair.hereSync.imports(), pair.here.actor(), executor, m);
    }

    @Test
    void importingAFolderShowsAReportPerPackageAndAReplayIsAlreadyImported() {
        SyncPair.person(pair.other, "Awa", "Diallo");
        Path stick = tmp.resolve("stick");
        pair.otherToHere(stick);
        ImportViewModel vm = importer();
        vm.importAll();
        assertThat(vm.status().get()).isEqualTo("Choose package files or a folder first.");
        vm.add(List.of(stick));
        vm.importAll();
        assertThat(vm.reports()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ImportReport.Status.APPLIED);
            assertThat(r.outcome()).isEqualTo("applied");
            assertThat(r.sentence()).startsWith("Imported: ").endsWith("changes applied.");
        });
        assertThat(vm.status().get()).startsWith("1 packages read");
        assertThat(pair.here.persons().search(pair.here.actor(), "diallo", 10).hits()).hasSize(1);

        vm.importAll(); // the same folder again
        assertThat(vm.reports()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("already imported");
            assertThat(r.sentence()).isEqualTo("This package was already imported. Nothing was changed.");
        });
    }

    @Test
    void exportListsThePeersAndSummarisesEachPackage() {
        SyncPair.person(pair.here, "Moussa", "Sarr");
        ExportViewModel vm = new ExportViewModel(pair.hereSync.export(), pair.here.actor(), executor, m);
        vm.load();
        assertThat(vm.peers()).extracting(ExportViewModel.PeerChoice::name).containsExactly("Laptop B");
        assertThat(vm.peer().get().name()).isEqualTo("Laptop B");
        vm.exportNow();
        assertThat(vm.status().get()).isEqualTo("Choose the hub or laptop and a folder first.");
        vm.folder().set(tmp.resolve("out").toString());
        vm.exportNow();
        assertThat(vm.summary()).singleElement().asString().contains(" changes, 0 attachments, ");
        assertThat(vm.status().get()).startsWith("1 packages with ").endsWith(" written for Laptop B.");
    }

    @Test
    void aConflictShowsBothValuesAndKeepingOneClosesIt() {
        Person awa = SyncPair.person(pair.here, "Awa", "Diallo");
        pair.hereToOther(tmp.resolve("s1"));
        rename(pair.here, awa.id(), "Awa-here");
        rename(pair.other, awa.id(), "Awa-B");
        ImportViewModel importer = importer();
        importer.add(pair.otherToHere(tmp.resolve("s2")));
        importer.importAll();

        ConflictsViewModel vm = new ConflictsViewModel(pair.hereSync.conflicts(), pair.here.actor(), executor, m);
        vm.load();
        assertThat(vm.status().get()).isEqualTo("1 conflicts wait for review.");
        // whose record and which field, in words (the name shows the value every machine shows now)
        assertThat(vm.title(vm.selected().get())).matches("Awa-(B|here) Diallo — personal details: given name");
        var conflict = vm.selected().get();
        assertThat(conflict.versions()).extracting(v -> vm.describe(conflict, v)).anySatisfy(s -> assertThat(s)
                .startsWith("“Awa-B”, written on Laptop B at ")).anySatisfy(s -> assertThat(s).startsWith("“Awa-here”"));
        int b = vm.selected().get().versions().stream().map(v -> v.text()).toList().indexOf("Awa-B");
        vm.keep(b);
        assertThat(vm.open()).isEmpty();
        assertThat(vm.status().get()).isEqualTo("Kept “Awa-B”.");
        assertThat(pair.here.persons().open(pair.here.actor(), awa.id()).orElseThrow().details().givenName())
                .isEqualTo("Awa-B");

        PeersViewModel peers = new PeersViewModel(pair.hereSync.peers(), pair.here.actor(), executor, m, "ABCD");
        peers.load();
        assertThat(peers.rows()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Laptop B");
            assertThat(r.sent()).startsWith("Last package sent: #1");
            assertThat(r.received()).startsWith("Last package received: #");
            assertThat(r.gaps()).isEqualTo("No package missing.");
        });
        assertThat(peers.fingerprint()).isEqualTo("This device’s fingerprint: ABCD");
    }

    static void rename(org.itinera.core.workspace.Workspace ws, String id, String given) {
        PersonDetails d = ws.persons().open(ws.actor(), id).orElseThrow().details();
        ws.persons().update(ws.actor(), new Person(id, new PersonDetails(given, d.familyName(), d.middleName(),
                d.givenNameOrig(), d.familyNameOrig(), d.sex(), d.birthDate(), d.nationality(), d.placeOfBirth(),
                d.primaryLanguage(), d.phone(), d.officeId())));
    }
}
