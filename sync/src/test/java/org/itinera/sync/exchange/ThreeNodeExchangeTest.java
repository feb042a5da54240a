package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops and a hub, three data directories on one machine, exchanging package files as the
 * CLI does ({@code sync export --to} / {@code sync import}).
 */
class ThreeNodeExchangeTest {
    @TempDir
    Path tmp;
    SyncNode laptopA;
    SyncNode laptopB;
    SyncNode hub;
    final SyncFixtures.Root root = SyncFixtures.Root.create();
    int round;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.systemUTC();
        laptopA = SyncNode.create("Laptop A", "DKA", tmp.resolve("a"), clock, PackageLimits.DEFAULT);
        laptopB = SyncNode.create("Laptop B", "DKB", tmp.resolve("b"), clock, PackageLimits.DEFAULT);
        hub = SyncNode.create("Dakar hub", "HUB", tmp.resolve("hub"), clock, PackageLimits.DEFAULT);
        var bundle = SyncNode.bundle(root, 1, List.of(laptopA.nodeKey(NodeKind.LAPTOP), laptopB.nodeKey(NodeKind.LAPTOP),
                hub.nodeKey(NodeKind.HUB)), List.of());
        for (SyncNode n : List.of(laptopA, laptopB, hub)) {
            n.trustRoot(root);
            n.trust.importBundle(n.ws.actor(), bundle);
        }
    }

    @AfterEach
    void tearDown() {
        for (SyncNode n : new SyncNode[] {laptopA, laptopB, hub}) {
            if (n != null) {
                n.close();
            }
        }
    }

    List<Path> export(SyncNode from, SyncNode to) {
        Path out = tmp.resolve("stick-" + (++round));
        ExportService.ExportResult r = from.export.export(from.ws.actor(), to.name, out, ProgressSink.NONE);
        assertThat(r.packages()).isNotEmpty();
        return r.packages().stream().map(ExportService.ExportedPackage::file).toList();
    }

    List<ImportReport> carry(SyncNode from, SyncNode to) {
        List<ImportReport> reports = to.imports.importFiles(to.ws.actor(), export(from, to), ProgressSink.NONE);
        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(ImportReport.Status.APPLIED));
        return reports;
    }

    /** Laptops to the hub, the hub to both laptops, twice (the second round carries the acks). */
    void syncAll() {
        for (int i = 0; i < 2; i++) {
            carry(laptopA, hub);
            carry(laptopB, hub);
            carry(hub, laptopA);
            carry(hub, laptopB);
        }
    }

    Person newPerson(SyncNode n, String given, String family) {
        return n.ws.persons().create(n.ws.actor(), new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.exact(LocalDate.of(1990, 3, 4)), "SEN", null, null, null, null));
    }

    void edit(SyncNode n, String id, java.util.function.UnaryOperator<PersonDetails> change) {
        Person p = n.ws.persons().open(n.ws.actor(), id).orElseThrow();
        n.ws.persons().update(n.ws.actor(), new Person(id, change.apply(p.details())));
    }

    static PersonDetails given(PersonDetails d, String given) {
        return new PersonDetails(given, d.familyName(), d.middleName(), d.givenNameOrig(), d.familyNameOrig(), d.sex(),
                d.birthDate(), d.nationality(), d.placeOfBirth(), d.primaryLanguage(), d.phone(), d.officeId());
    }

    static PersonDetails phone(PersonDetails d, String phone) {
        return new PersonDetails(d.givenName(), d.familyName(), d.middleName(), d.givenNameOrig(), d.familyNameOrig(),
                d.sex(), d.birthDate(), d.nationality(), d.placeOfBirth(), d.primaryLanguage(), phone, d.officeId());
    }

    static PersonDetails place(PersonDetails d, String place) {
        return new PersonDetails(d.givenName(), d.familyName(), d.middleName(), d.givenNameOrig(), d.familyNameOrig(),
                d.sex(), d.birthDate(), d.nationality(), place, d.primaryLanguage(), d.phone(), d.officeId());
    }

    @Test
    void editsOnBothLaptopsEndIdenticalEverywhereWithExactlyOneConflictToReview() {
        Person awa = newPerson(laptopA, "Awa", "Diallo");
        Person moussa = newPerson(laptopB, "Moussa", "Sarr");
        syncAll();
        assertThat(laptopB.ws.persons().open(laptopB.ws.actor(), awa.id())).isPresent();
        assertThat(laptopA.ws.persons().open(laptopA.ws.actor(), moussa.id())).isPresent();

        // concurrent edits: the same field on both laptops, and different fields of the same person
        edit(laptopA, awa.id(), d -> phone(given(d, "Awa-A"), "+221 77 111 11 11"));
        edit(laptopB, awa.id(), d -> place(given(d, "Awa-B"), "Thiès"));
        edit(laptopB, moussa.id(), d -> given(d, "Moussa B"));
        syncAll();

        Map<String, String> expected = hub.data();
        assertThat(laptopA.data()).isEqualTo(expected);
        assertThat(laptopB.data()).isEqualTo(expected);
        PersonDetails merged = hub.ws.persons().open(hub.ws.actor(), awa.id()).orElseThrow().details();
        assertThat(merged.phone()).isEqualTo("+221 77 111 11 11");
        assertThat(merged.placeOfBirth()).isEqualTo("Thiès");
        assertThat(merged.givenName()).isIn("Awa-A", "Awa-B");
        for (SyncNode n : List.of(laptopA, laptopB, hub)) {
            assertThat(n.openConflicts()).as(n.name).hasSize(1).isEqualTo(hub.openConflicts());
            List<ConflictService.Conflict> open = n.conflicts.open(n.ws.actor());
            assertThat(open).singleElement().satisfies(c -> {
                assertThat(c.column()).isEqualTo("given_name");
                assertThat(c.versions()).extracting(ConflictService.Version::text)
                        .containsExactlyInAnyOrder("Awa-A", "Awa-B");
                assertThat(c.versions()).filteredOn(ConflictService.Version::shown).singleElement()
                        .extracting(ConflictService.Version::text).isEqualTo(merged.givenName());
            });
        }

        // laptop A keeps B's spelling; the choice travels like any edit and closes the conflict everywhere
        ConflictService.Conflict c = laptopA.conflicts.open(laptopA.ws.actor()).getFirst();
        int pick = c.versions().stream().map(ConflictService.Version::text).toList().indexOf("Awa-B");
        laptopA.conflicts.resolve(laptopA.ws.actor(), c.id(), pick);
        syncAll();
        for (SyncNode n : List.of(laptopA, laptopB, hub)) {
            assertThat(n.openConflicts()).as(n.name).isEmpty();
            assertThat(n.ws.persons().open(n.ws.actor(), awa.id()).orElseThrow().details().givenName()).isEqualTo("Awa-B");
        }
        assertThat(laptopA.data()).isEqualTo(hub.data()).isEqualTo(laptopB.data());

        // everything acknowledged: the peers screen shows nothing left to send
        assertThat(hub.peers.peers(hub.ws.actor())).allSatisfy(p -> assertThat(p.unacknowledged()).isZero());
    }

    @Test
    void aReplayedPackageIsAlreadyImportedAndChangesNothing() {
        newPerson(laptopA, "Awa", "Diallo");
        List<Path> files = export(laptopA, hub);
        List<Path> copies = new ArrayList<>();
        for (Path f : files) {
            copies.add(copy(f, tmp.resolve("replay-" + f.getFileName())));
        }
        hub.imports.importFiles(hub.ws.actor(), files, ProgressSink.NONE);
        Map<String, String> before = hub.data();
        long changes = hub.changeCount();
        List<ImportReport> again = hub.imports.importFiles(hub.ws.actor(), copies, ProgressSink.NONE);
        assertThat(again).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
            assertThat(r.message().key()).isEqualTo("sync.import.alreadyImported");
        });
        assertThat(hub.data()).isEqualTo(before);
        assertThat(hub.changeCount()).isEqualTo(changes);
    }

    @Test
    void aTamperedPackageIsRejectedAndChangesNothing() throws IOException {
        newPerson(laptopA, "Awa", "Diallo");
        Path file = export(laptopA, hub).getFirst();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        Map<String, String> before = hub.data();
        long changes = hub.changeCount();
        List<ImportReport> r = hub.imports.importFiles(hub.ws.actor(), List.of(file), ProgressSink.NONE);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(ImportReport.Status.REJECTED);
            assertThat(x.message().key()).isEqualTo("syncformat.rejected.damaged");
        });
        assertThat(hub.data()).isEqualTo(before);
        assertThat(hub.changeCount()).isEqualTo(changes);
    }

    @Test
    void aPackageFromARevokedLaptopIsQuarantinedAndChangesNothing() {
        newPerson(laptopA, "Awa", "Diallo");
        List<Path> files = export(laptopA, hub);
        TrustBundle.NodeKey a = laptopA.nodeKey(NodeKind.LAPTOP);
        hub.trust.importBundle(hub.ws.actor(), SyncNode.bundle(root, 2, List.of(laptopB.nodeKey(NodeKind.LAPTOP),
                hub.nodeKey(NodeKind.HUB)), List.of(a)));
        Map<String, String> before = hub.data();
        long changes = hub.changeCount();
        List<ImportReport> r = hub.imports.importFiles(hub.ws.actor(), files, ProgressSink.NONE);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(ImportReport.Status.QUARANTINED);
            assertThat(x.message().key()).isEqualTo("syncformat.quarantined.revokedSigner");
        });
        assertThat(hub.data()).isEqualTo(before);
        assertThat(hub.changeCount()).isEqualTo(changes);
    }

    static Path copy(Path from, Path to) {
        try {
            return Files.copy(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
