package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.organisation.Office;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops set up on their own, each with office "DKR", then synced through the hub: the office is one
 * record everywhere (its id comes from its code, ADR 0013), so nothing filed under either laptop's DKR is
 * refused or held back.
 */
class OfficeCodeSyncTest {
    @TempDir
    Path tmp;
    final SyncFixtures.Root root = SyncFixtures.Root.create();
    final List<SyncNode> nodes = new ArrayList<>();
    final List<ImportReport> reports = new ArrayList<>();
    int round;

    SyncNode laptopA;
    SyncNode laptopB;
    SyncNode hub;

    void setUp(String nameOnA, String nameOnB) {
        Clock clock = Clock.systemUTC();
        laptopA = SyncNode.create("Laptop A", "amina", "DKR", nameOnA, tmp.resolve("a"), clock);
        laptopB = SyncNode.create("Laptop B", "binta", "dkr", nameOnB, tmp.resolve("b"), clock);
        hub = SyncNode.create("Hub", "hubadmin", "HUB", "Regional hub", tmp.resolve("hub"), clock);
        nodes.addAll(List.of(laptopA, laptopB, hub));
        SyncNode.trustEachOther(root, hub, List.of(laptopA, laptopB));
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(SyncNode::close);
    }

    void carry(SyncNode from, SyncNode to) {
        reports.addAll(SyncNode.carry(from, to, tmp.resolve("stick-" + (++round))));
    }

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

    List<Office> dakar(SyncNode n) {
        return n.ws.offices().all().stream().filter(o -> o.code().equals("DKR")).toList();
    }

    @Test
    void twoLaptopsThatEachCreatedOfficeDkrShareOneOfficeAndEveryRecordUnderIt() {
        setUp("Dakar", "Dakar");
        Person awa = newPerson(laptopA, "Awa", "Diallo");
        Person moussa = newPerson(laptopB, "Moussa", "Sarr");
        // each laptop opens a case in its own office DKR
        String caseA = laptopA.ws.cases().open(laptopA.ws.actor(),
                new CaseDraft(CaseType.AVRR, awa.id(), null, Office.idFor("DKR"), "GIN", null));
        String caseB = laptopB.ws.cases().open(laptopB.ws.actor(),
                new CaseDraft(CaseType.AVRR, moussa.id(), null, Office.idFor("DKR"), "MLI", null));

        syncAll();

        assertThat(reports).allSatisfy(r -> {
            assertThat(r.rejected()).as(r.fileName()).isEmpty();
            assertThat(r.waiting()).as(r.fileName()).isZero();
        });
        for (SyncNode n : nodes) {
            assertThat(dakar(n)).as(n.name).singleElement().extracting(Office::id).isEqualTo(Office.idFor("DKR"));
            assertThat(n.ws.persons().open(n.ws.actor(), awa.id())).as(n.name).isPresent();
            assertThat(n.ws.persons().open(n.ws.actor(), moussa.id())).as(n.name).isPresent();
            assertThat(n.ws.cases().ofPerson(n.ws.actor(), awa.id())).as(n.name).extracting(CaseSummary::caseNo)
                    .containsExactly(caseA);
            assertThat(n.ws.cases().ofPerson(n.ws.actor(), moussa.id())).as(n.name).extracting(CaseSummary::caseNo)
                    .containsExactly(caseB);
            assertThat(n.conflicts.open(n.ws.actor())).as("same values written twice: nothing to review on " + n.name)
                    .isEmpty();
            assertThat(n.openConflicts()).as(n.name).isEqualTo(hub.openConflicts());
        }
        assertThat(laptopA.data()).isEqualTo(hub.data()).isEqualTo(laptopB.data());
    }

    @Test
    void officeDkrNamedDifferentlyOnTwoLaptopsIsOneOfficeWithTheNameToReview() {
        setUp("Dakar", "Bureau de Dakar");
        newPerson(laptopA, "Awa", "Diallo");
        newPerson(laptopB, "Moussa", "Sarr");

        syncAll();

        assertThat(reports).allSatisfy(r -> assertThat(r.rejected()).as(r.fileName()).isEmpty());
        for (SyncNode n : nodes) {
            assertThat(dakar(n)).as(n.name).hasSize(1);
            assertThat(n.conflicts.open(n.ws.actor())).as(n.name).singleElement().satisfies(c -> {
                assertThat(c.table()).isEqualTo("office");
                assertThat(c.column()).isEqualTo("name");
                assertThat(c.versions()).extracting(ConflictService.Version::text)
                        .containsExactlyInAnyOrder("Dakar", "Bureau de Dakar");
            });
        }
        assertThat(laptopA.data()).isEqualTo(hub.data()).isEqualTo(laptopB.data());

        // the hub's administrator keeps the French name; the choice reaches both laptops
        ConflictService.Conflict c = hub.conflicts.open(hub.ws.actor()).getFirst();
        hub.conflicts.resolve(hub.ws.actor(), c.id(),
                c.versions().stream().map(ConflictService.Version::text).toList().indexOf("Bureau de Dakar"));
        syncAll();
        for (SyncNode n : nodes) {
            assertThat(n.conflicts.open(n.ws.actor())).as(n.name).isEmpty();
            assertThat(n.openConflicts()).as(n.name).isEqualTo(hub.openConflicts());
            assertThat(dakar(n)).as(n.name).singleElement().extracting(Office::name).isEqualTo("Bureau de Dakar");
        }
        assertThat(laptopA.data()).isEqualTo(hub.data()).isEqualTo(laptopB.data());
    }
}
