package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small, ordered schedules that once left the nodes disagreeing on which conflicts are open after
 * every package had arrived (found by {@link ConvergencePropertiesTest}): every node must end with
 * the same rows and the same open conflicts, whatever order the writes reached it in.
 */
class ConflictBookkeepingTest {
    @TempDir
    Path tmp;
    final SyncFixtures.Root root = SyncFixtures.Root.create();
    SyncNode x;
    SyncNode y;
    SyncNode z;
    List<SyncNode> all;
    int stick;

    @BeforeEach
    void setUp() {
        start(PackageLimits.DEFAULT);
    }

    void start(PackageLimits limits) {
        Clock clock = Clock.systemUTC();
        x = SyncNode.create("x", "DKA", tmp.resolve("x"), clock, limits);
        y = SyncNode.create("y", "DKB", tmp.resolve("y"), clock, limits);
        z = SyncNode.create("z", "HUB", tmp.resolve("z"), clock, limits);
        all = List.of(x, y, z);
        var bundle = SyncNode.bundle(root, 1, all.stream().map(n -> n.nodeKey(NodeKind.LAPTOP)).toList(), List.of());
        for (SyncNode n : all) {
            n.trustRoot(root);
            n.trust.importBundle(n.ws.actor(), bundle);
        }
    }

    @AfterEach
    void tearDown() {
        all.forEach(SyncNode::close);
    }

    List<Path> export(SyncNode from, SyncNode to) {
        return from.export.export(from.ws.actor(), to.nodeId(), tmp.resolve("stick-" + (++stick)), ProgressSink.NONE)
                .packages().stream().map(ExportService.ExportedPackage::file).toList();
    }

    void deliver(SyncNode to, List<Path> packages) {
        assertThat(to.imports.importFiles(to.ws.actor(), packages, ProgressSink.NONE))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ImportReport.Status.APPLIED));
    }

    void carry(SyncNode from, SyncNode to) {
        deliver(to, export(from, to));
    }

    /** Everyone hears from everyone (twice round the ring, so acknowledgements travel too). */
    void gossip() {
        for (int i = 0; i < 2; i++) {
            carry(x, y);
            carry(y, z);
            carry(z, x);
        }
    }

    Person person(SyncNode n) {
        Person p = n.ws.persons().create(n.ws.actor(), new PersonDetails("Awa", "Diallo", null, null, null, Sex.F,
                BirthDate.exact(LocalDate.of(1990, 3, 4)), "SEN", null, null, null, null));
        gossip();
        return p;
    }

    void given(SyncNode n, String id, String value) {
        Person p = n.ws.persons().open(n.ws.actor(), id).orElseThrow();
        n.ws.persons().update(n.ws.actor(), new Person(id, ThreeNodeExchangeTest.given(p.details(), value)));
    }

    String givenAt(SyncNode n, String id) {
        return n.ws.persons().open(n.ws.actor(), id).orElseThrow().details().givenName();
    }

    void assertSameEverywhere() {
        for (SyncNode n : all) {
            assertThat(n.data()).as("rows at " + n.name).isEqualTo(x.data());
            assertThat(n.openConflicts()).as("open conflicts at " + n.name).isEqualTo(x.openConflicts());
        }
    }

    /**
     * Seeds 2373594650460115906 and 4184749526449185075: a caseworker retypes a field that is in
     * conflict. That edit knew both conflicting values, so every other node takes it as the new
     * value without a conflict; the editing node kept its conflict open, offering to bring an old
     * value back over the new one.
     */
    @Test
    void retypingAConflictedFieldClosesItsConflictOnTheEditingNodeToo() {
        String id = person(x).id();
        given(x, id, "Awa-X");
        given(y, id, "Awa-Y");
        carry(y, x);
        assertThat(x.conflicts.open(x.ws.actor())).singleElement()
                .satisfies(c -> assertThat(c.column()).isEqualTo("given_name"));

        given(x, id, "Awa Diallo-Ndiaye");

        assertThat(x.conflicts.open(x.ws.actor())).as("the review list right after the edit").isEmpty();
        assertThat(x.conflicts.openCount(x.ws.actor())).isZero();
        gossip();
        assertSameEverywhere();
        for (SyncNode n : all) {
            assertThat(n.openConflicts()).as(n.name).isEmpty();
            assertThat(givenAt(n, id)).as(n.name).isEqualTo("Awa Diallo-Ndiaye");
        }
    }

    /** Exports with packages cut after every change, so that losing one loses a single change. */
    List<Path> exportSplit(SyncNode from, SyncNode to) {
        ExportService oneChangePerPackage = new ExportService(from.ws.store(), from.ws.access(), new ExchangeRepository(),
                from.keys, from.trust, new PackageWriter(PackageLimits.DEFAULT.withTargetPackageBytes(1)), from.ws.clock());
        List<Path> files = oneChangePerPackage.export(from.ws.actor(), to.nodeId(), tmp.resolve("stick-" + (++stick)),
                ProgressSink.NONE).packages().stream().map(ExportService.ExportedPackage::file).toList();
        assertThat(files).as("packages from " + from.name + " to " + to.name).hasSizeGreaterThan(1);
        return files;
    }

    /**
     * A write reaches a node after a write that superseded it, by way of split packages, one lost:
     * A (x), then C (y, knew A), then B (z, knew C but not A: the package with A was lost). B is
     * the newest write and supersedes everything. Node x got B before C: for a while A and B are
     * rightly in conflict there, and C, when it comes, closes it (C supersedes A and B supersedes
     * C); the merge used to stop at "C is older than B" and keep A. Node z got C, then wrote B,
     * then A arrived: A is older than C, which z already had, so no conflict; the merge compared A
     * only with B and opened one.
     */
    @Test
    void aWriteSupersededByAnAlreadySupersededWriteOpensNoConflictWhateverItsArrivalOrder() {
        String id = person(x).id();
        given(x, id, "Awa-A");
        carry(x, y);
        given(y, id, "Awa-C");
        List<Path> yToZ = exportSplit(y, z);
        deliver(z, List.of(yToZ.getLast())); // C arrives, the package with A is lost
        assertThat(givenAt(z, id)).isEqualTo("Awa-C");
        given(z, id, "Awa-B");
        List<Path> zToX = exportSplit(z, x);
        deliver(x, List.of(zToX.getLast())); // B arrives before C
        assertThat(x.openConflicts()).as("A and B at x, before C arrives").hasSize(1);

        gossip();

        assertSameEverywhere();
        for (SyncNode n : all) {
            assertThat(n.openConflicts()).as(n.name).isEmpty();
            assertThat(givenAt(n, id)).as(n.name).isEqualTo("Awa-B");
        }
    }

    /**
     * Two of three concurrent writes carry the same value (main's rule "equal concurrent values are
     * no conflict", a5c0f76): x learns of y's equal write first and keeps only the winner, so when
     * z's different value comes, x's conflict has two versions; z got x's and y's writes after its
     * own and its conflict has all three. KNOWN BROKEN, not fixed here: the merge forgets the
     * loser of two equal values (the column keeps one dot, no conflict row holds both), so later
     * writes are compared with the winner only. Needs the equal writes kept together (e.g. a
     * closed conflict row that still holds them, read back as the column's newest writes).
     */
    @Test
    void equalConcurrentValuesLeaveTheSameConflictWhateverTheArrivalOrder() {
        String id = person(x).id();
        given(x, id, "Same");
        given(y, id, "Same");
        given(z, id, "Other");
        carry(y, x);
        carry(x, z);
        carry(z, x);
        gossip();
        assertSameEverywhere();
    }

    /** Resolving by the review screen still closes the conflict (now also through the write itself). */
    @Test
    void keepingAVersionOnTheReviewScreenClosesTheConflictEverywhere() {
        String id = person(x).id();
        given(x, id, "Awa-X");
        given(y, id, "Awa-Y");
        gossip();
        assertSameEverywhere();
        assertThat(z.openConflicts()).hasSize(1);
        ConflictService.Conflict c = z.conflicts.open(z.ws.actor()).getFirst();
        int pick = c.versions().stream().map(ConflictService.Version::text).toList().indexOf("Awa-X");
        z.conflicts.resolve(z.ws.actor(), c.id(), pick);
        assertThat(z.conflicts.open(z.ws.actor())).isEmpty();
        gossip();
        assertSameEverywhere();
        for (SyncNode n : all) {
            assertThat(n.openConflicts()).as(n.name).isEmpty();
            assertThat(givenAt(n, id)).as(n.name).isEqualTo("Awa-X");
        }
    }
}
