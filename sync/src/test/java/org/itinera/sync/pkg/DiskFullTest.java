package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.itinera.sync.SyncException;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 256 KiB tmpfs (needs root and mount, as on CI and the dev machines; skipped
 * elsewhere). Writing a package there fails with the "disk full" sentence and leaves no file;
 * reading into a full disk fails the same way and leaves nothing half-staged.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    Path small;
    boolean mounted;

    final TestNode laptop = TestNode.create("laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("hub", NodeKind.HUB);

    @BeforeEach
    void mountSmallDisk() throws Exception {
        small = Files.createDirectory(dir.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        mounted = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", small.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void writingIntoAFullDiskSaysSoAndLeavesNoPartialFile() {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        assertThatThrownBy(() -> {
            try (OutgoingPackage p = writer.open(small, SyncFixtures.start(laptop, hub, 1), List.of(hub.age().recipient()),
                    laptop.sign())) {
                for (int i = 1; i <= 20_000; i++) {
                    p.append(SyncFixtures.personChange(laptop, i).getBytes(StandardCharsets.UTF_8));
                }
                p.finish(SyncFixtures.summary(laptop, 20_000, 1));
            }
        }).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.write.diskFull"));
        assertThat(small.toFile().list()).isEmpty();
    }

    @Test
    void readingWithNoRoomToStageSaysSoAndLeavesNothing() throws Exception {
        WrittenPackage w = SyncFixtures.write(dir.resolve("out"), laptop, hub, 6000, List.of());
        assertThat(w.fileBytes()).isGreaterThan(300 * 1024);
        PackageReader reader = new PackageReader(small, PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM);
        assertThatThrownBy(() -> reader.read(w.file(), hub.identity(), Root.create().snapshot(laptop, hub)))
                .isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.write.diskFull"));
        try (var left = Files.walk(small)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
