package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustSnapshot;

/** Any change to any byte of a package, or any cut, is refused: never verified, never an exception. */
class TamperedPackageTest {
    static Path dir;
    static TestNode laptop;
    static TestNode hub;
    static TrustSnapshot trust;
    static byte[] original;
    static int counter;

    @BeforeContainer
    static void writeOnePackage() throws IOException {
        dir = Files.createTempDirectory("tamper");
        laptop = TestNode.create("laptop", NodeKind.LAPTOP);
        hub = TestNode.create("hub", NodeKind.HUB);
        trust = Root.create().snapshot(laptop, hub);
        original = Files.readAllBytes(SyncFixtures.write(dir.resolve("out"), laptop, hub, 300, List.of()).file());
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static ReadOutcome read(byte[] bytes) throws IOException {
        Path f = dir.resolve("in-" + counter++ + ".itp");
        Files.write(f, bytes);
        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(f, hub.identity(), trust);
        Files.delete(f);
        if (o instanceof VerifiedPackage v) {
            v.close();
        }
        return o;
    }

    @Provide
    Arbitrary<Integer> position() {
        return Arbitraries.integers().between(0, original.length - 1);
    }

    @Property(tries = 120)
    void flippingAnyBitOfAnyByteIsRefused(@ForAll("position") int at, @ForAll("bit") int bit) throws IOException {
        byte[] b = original.clone();
        b[at] ^= (byte) (1 << bit);
        assertThat(read(b)).isInstanceOf(ReadOutcome.Rejected.class);
    }

    @Provide
    Arbitrary<Integer> bit() {
        return Arbitraries.integers().between(0, 7);
    }

    @Property(tries = 60)
    void cuttingThePackageAnywhereIsRefused(@ForAll("position") int length) throws IOException {
        byte[] b = java.util.Arrays.copyOf(original, length);
        assertThat(read(b)).isInstanceOf(ReadOutcome.Rejected.class);
    }

    @Property(tries = 10)
    void bytesAppendedToThePackageAreRefused(@ForAll("bit") int extra) throws IOException {
        byte[] b = java.util.Arrays.copyOf(original, original.length + extra + 1);
        assertThat(read(b)).isInstanceOf(ReadOutcome.Rejected.class);
    }

    @Property(tries = 1)
    void theUntouchedPackageIsVerified() throws IOException {
        assertThat(read(original)).isInstanceOf(VerifiedPackage.class);
    }
}
