package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import runs in a child JVM that is killed (SIGKILL) at random moments; each time the hub's
 * database holds either the whole package (receipt and every person) or nothing of it.
 */
class KillDuringImportTest {
    static final int PERSONS = 400;
    static final int KILLS = 20;

    @TempDir
    Path tmp;

    @Test
    void killingTheImportAtAnyMomentLeavesAllOrNothing() throws Exception {
        Path file;
        try (SyncNode laptop = SyncNode.create("laptop", "DKA", tmp.resolve("laptop"), Clock.systemUTC(),
                PackageLimits.DEFAULT);
             SyncNode hub = SyncNode.create("hub", "HUB", tmp.resolve("hub"), Clock.systemUTC(), PackageLimits.DEFAULT)) {
            SyncFixtures.Root root = SyncFixtures.Root.create();
            var bundle = SyncNode.bundle(root, 1, List.of(laptop.nodeKey(NodeKind.LAPTOP), hub.nodeKey(NodeKind.HUB)),
                    List.of());
            for (SyncNode n : List.of(laptop, hub)) {
                n.trustRoot(root);
                n.trust.importBundle(n.ws.actor(), bundle);
            }
            laptop.ws.demoData(7).generate(laptop.ws.actor(), PERSONS, ProgressSink.NONE);
            file = laptop.export.export(laptop.ws.actor(), "hub", tmp.resolve("stick"), ProgressSink.NONE).packages()
                    .getFirst().file();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Random random = new Random(2026);
        int whole = 0;
        int nothing = 0;
        for (int i = 0; i < KILLS; i++) {
            Path copy = tmp.resolve("hub-" + i);
            ConvergencePropertiesTest.copy(tmp.resolve("hub"), copy);
            Path pkg = Files.copy(file, tmp.resolve("p" + i + ".itp"));
            Process child = new ProcessBuilder(java, "-cp", cp, ImportChild.class.getName(), copy.toString(), "HUB",
                    pkg.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + i + ".log").toFile())
                    .start();
            boolean finished = child.waitFor(1500 + random.nextInt(4000), TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly().waitFor();
            }
            try (SyncNode after = SyncNode.open("hub", "HUB", copy, Clock.systemUTC(), PackageLimits.DEFAULT)) {
                long receipts = after.ws.store().read(dsl -> (long) dsl.fetchCount(dsl.selectOne().from("imported_package")));
                long persons = after.ws.persons().count(after.ws.actor());
                long before = 0;
                if (receipts == 1) {
                    assertThat(persons).as("kill " + i + ": receipt without every person").isGreaterThanOrEqualTo(PERSONS);
                    whole++;
                } else {
                    assertThat(receipts).isZero();
                    assertThat(persons).as("kill " + i + ": persons without the receipt").isEqualTo(before);
                    nothing++;
                }
            }
        }
        assertThat(whole + nothing).isEqualTo(KILLS);
        // not a property of the code, but of the timing: both outcomes should show up
        System.getLogger("kill").log(System.Logger.Level.INFO, "whole " + whole + ", nothing " + nothing);
    }
}
