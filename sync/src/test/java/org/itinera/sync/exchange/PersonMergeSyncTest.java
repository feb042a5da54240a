package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.MergedRecord;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person merges travel by real sync packages (two laptops and a hub, as {@link ThreeNodeExchangeTest}
 * sets them up): a merge and an unmerge arrive everywhere, and concurrent merges end the same on every node.
 */
class PersonMergeSyncTest {
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
        SyncNode.trustEachOther(root, hub, List.of(laptopA, laptopB));
    }

    @AfterEach
    void tearDown() {
        for (SyncNode n : new SyncNode[] {laptopA, laptopB, hub}) {
            if (n != null) {
                n.close();
            }
        }
    }

    List<SyncNode> all() {
        return List.of(laptopA, laptopB, hub);
    }

    void carry(SyncNode from, SyncNode to) {
        SyncNode.carry(from, to, tmp.resolve("stick-" + (++round)));
    }

    void syncAll() {
        for (int i = 0; i < 2; i++) {
            carry(laptopA, hub);
            carry(laptopB, hub);
            carry(hub, laptopA);
            carry(hub, laptopB);
        }
    }

    String newPerson(SyncNode n, String given, String family) {
        return n.ws.persons().create(n.ws.actor(), new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.exact(LocalDate.of(1990, 3, 4)), "SEN", null, null, null, null)).id();
    }

    static String opened(SyncNode n, String id) {
        return n.ws.persons().open(n.ws.actor(), id).orElseThrow().id();
    }

    static List<String> found(SyncNode n, String query) {
        return n.ws.persons().search(n.ws.actor(), query, 20).hits().stream().map(PersonSummary::id).sorted().toList();
    }

    void assertSameDataEverywhere() {
        assertThat(laptopA.data()).isEqualTo(hub.data());
        assertThat(laptopB.data()).isEqualTo(hub.data());
    }

    @Test
    void aMergeOnOneLaptopAndItsUnmergeReachTheHubAndTheOtherLaptop() {
        String survivor = newPerson(laptopA, "Mariama", "Diallo");
        String duplicate = newPerson(laptopB, "Mariama", "Dialo");
        syncAll();
        for (SyncNode n : all()) {
            assertThat(found(n, "mariama")).as(n.name).containsExactlyInAnyOrder(survivor, duplicate);
        }

        laptopA.ws.merges().merge(laptopA.ws.actor(), duplicate, survivor, "same person, name misspelt at registration");
        syncAll();

        assertSameDataEverywhere();
        for (SyncNode n : all()) {
            assertThat(opened(n, duplicate)).as(n.name).isEqualTo(survivor);
            assertThat(found(n, "mariama")).as(n.name).containsExactly(survivor);
            assertThat(n.ws.merges().mergedRecords(n.ws.actor(), survivor)).as(n.name)
                    .extracting(r -> r.person().id()).containsExactly(duplicate);
            assertThat(n.openConflicts()).as(n.name).isEmpty();
        }

        laptopB.ws.merges().unmerge(laptopB.ws.actor(), duplicate);
        syncAll();

        assertSameDataEverywhere();
        for (SyncNode n : all()) {
            assertThat(opened(n, duplicate)).as(n.name).isEqualTo(duplicate);
            assertThat(found(n, "mariama")).as(n.name).containsExactlyInAnyOrder(survivor, duplicate);
            assertThat(n.ws.merges().mergedRecords(n.ws.actor(), survivor)).as(n.name).isEmpty();
        }
    }

    @Test
    void concurrentMergesOfOneDuplicateIntoDifferentSurvivorsConvergeWithOneConflictToReview() {
        String duplicate = newPerson(laptopA, "Khady", "Ndiaye");
        String first = newPerson(laptopA, "Khady", "Ndiaye");
        String second = newPerson(laptopB, "Khady", "Ndiaye");
        syncAll();
        laptopA.ws.merges().merge(laptopA.ws.actor(), duplicate, first, "same phone number");
        laptopB.ws.merges().merge(laptopB.ws.actor(), duplicate, second, "same passport");
        syncAll();

        assertSameDataEverywhere();
        String end = opened(hub, duplicate);
        assertThat(end).isIn(first, second);
        for (SyncNode n : all()) {
            assertThat(opened(n, duplicate)).as(n.name).isEqualTo(end);
            assertThat(found(n, "khady")).as(n.name).containsExactlyInAnyOrder(first, second);
            assertThat(n.openConflicts()).as(n.name).hasSize(1).isEqualTo(hub.openConflicts());
            // the conflict review copes with the link like any column: both survivors offered, the shown one marked
            assertThat(n.conflicts.open(n.ws.actor())).singleElement().satisfies(c -> {
                assertThat(c.table()).isEqualTo("person");
                assertThat(c.column()).isEqualTo("merged_into");
                assertThat(c.person()).isPresent();
                assertThat(c.versions()).extracting(ConflictService.Version::text).containsExactlyInAnyOrder(first, second);
                assertThat(c.versions()).filteredOn(ConflictService.Version::shown).singleElement()
                        .extracting(ConflictService.Version::text).isEqualTo(end);
            });
        }

        // the hub's data officer keeps the other survivor: the choice travels and every file follows
        String other = end.equals(first) ? second : first;
        ConflictService.Conflict c = hub.conflicts.open(hub.ws.actor()).getFirst();
        int pick = c.versions().stream().map(ConflictService.Version::text).toList().indexOf(other);
        hub.conflicts.resolve(hub.ws.actor(), c.id(), pick);
        syncAll();
        assertSameDataEverywhere();
        for (SyncNode n : all()) {
            assertThat(n.openConflicts()).as(n.name).isEmpty();
            assertThat(opened(n, duplicate)).as(n.name).isEqualTo(other);
            assertThat(n.ws.merges().mergedRecords(n.ws.actor(), other)).as(n.name)
                    .extracting(MergedRecord::mergedInto).containsExactly(other);
        }
    }

    @Test
    void mergesInOppositeDirectionsOnTwoLaptopsEndAtTheSmallestIdEverywhere() {
        String x = newPerson(laptopA, "Ousmane", "Faye");
        String y = newPerson(laptopB, "Ousmane", "Faye");
        syncAll();
        laptopA.ws.merges().merge(laptopA.ws.actor(), x, y, "duplicate");
        laptopB.ws.merges().merge(laptopB.ws.actor(), y, x, "duplicate");
        syncAll();

        assertSameDataEverywhere();
        String smallest = x.compareTo(y) < 0 ? x : y;
        String larger = smallest.equals(x) ? y : x;
        for (SyncNode n : all()) {
            assertThat(opened(n, x)).as(n.name).isEqualTo(smallest);
            assertThat(opened(n, y)).as(n.name).isEqualTo(smallest);
            assertThat(found(n, "ousmane")).as(n.name).containsExactly(smallest);
            assertThat(n.ws.merges().mergedRecords(n.ws.actor(), smallest)).as(n.name)
                    .extracting(r -> r.person().id()).containsExactly(larger);
            assertThat(n.openConflicts()).as(n.name).isEmpty();
        }

        // unmerging the chosen end breaks the cycle the same way everywhere
        laptopB.ws.merges().unmerge(laptopB.ws.actor(), smallest);
        syncAll();
        assertSameDataEverywhere();
        for (SyncNode n : all()) {
            assertThat(opened(n, larger)).as(n.name).isEqualTo(smallest);
            assertThat(found(n, "ousmane")).as(n.name).containsExactly(smallest);
        }
    }
}
