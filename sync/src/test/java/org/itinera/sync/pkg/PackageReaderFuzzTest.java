package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.testing.HostilePackages;
import org.itinera.sync.testing.RawZip;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustSnapshot;

/**
 * Fuzzes everything behind the encryption (the outer age layer authenticates every byte, so
 * fuzzing it only exercises jagged's MAC check): ZIP structure, signature, manifest JSON, entry
 * hashing and line checks. The property: whatever the bytes, the reader answers with an outcome and
 * never throws. In normal test runs Jazzer replays the seeds in
 * {@code src/test/resources/org/itinera/sync/pkg/PackageReaderFuzzTestInputs}; a real run is
 * {@code JAZZER_FUZZ=1} (see docs/sync-format.md). Keep JaCoCo away from it (it crashes the JVM on JDK 25).
 */
class PackageReaderFuzzTest {
    static final TestNode LAPTOP = new TestNode("01a20000-0000-7000-8000-000000000001", "fuzz laptop", NodeKind.LAPTOP,
            new SigningKey(bytes(32, 1), bytes(8, 101)), AgeIdentity.of(
                    "AGE-SECRET-KEY-14TPXXP2F4P7RY2PTY5XCFAZDH298LRTC04SWHXKAE6WH9R79AYJQQZL2FH".getBytes(StandardCharsets.US_ASCII)));
    static final TestNode HUB = new TestNode("01a20000-0000-7000-8000-000000000002", "fuzz hub", NodeKind.HUB,
            new SigningKey(bytes(32, 33), bytes(8, 111)), AgeIdentity.generate());
    static final TrustSnapshot TRUST = new Root(new SigningKey(bytes(32, 77), bytes(8, 7))).snapshot(LAPTOP, HUB);
    static final PackageReader READER;

    static {
        try {
            READER = new PackageReader(Files.createTempDirectory("fuzz"), PackageLimits.DEFAULT.withTargetPackageBytes(1 << 20),
                    Clock.systemUTC(), SyncFixtures.RANDOM);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    @FuzzTest(maxDuration = "30s")
    void anyDecryptedContentGetsAnOutcomeNeverAnException(byte[] zip) throws IOException {
        MemoryScratch scratch = new MemoryScratch(64L * 1024 * 1024);
        try (OutputStream out = scratch.output()) {
            out.write(zip);
        }
        ReadOutcome o = READER.verify("fuzz.itp", "", scratch, null, HUB.nodeId(), TRUST);
        assertThat(o).isNotNull();
        if (o instanceof VerifiedPackage v) {
            try (VerifiedPackage.ChangeLines lines = v.changeLines()) {
                while (lines.next() != null) {
                    // every verified line streams back
                }
            }
        }
        scratch.close();
    }

    @org.junit.jupiter.api.Test
    void theValidSeedsAreVerifiedSoTheFuzzerStartsFromRealPackages() throws IOException {
        for (String seed : List.of("valid", "with-attachment")) {
            byte[] zip;
            try (var in = PackageReaderFuzzTest.class.getResourceAsStream(
                    "PackageReaderFuzzTestInputs/anyDecryptedContentGetsAnOutcomeNeverAnException/" + seed)) {
                zip = in.readAllBytes();
            }
            MemoryScratch scratch = new MemoryScratch(1 << 20);
            try (OutputStream out = scratch.output()) {
                out.write(zip);
            }
            assertThat(READER.verify(seed, "", scratch, null, HUB.nodeId(), TRUST)).as(seed).isInstanceOf(VerifiedPackage.class);
            scratch.close();
        }
    }

    /** Writes the seed corpus (run by hand when the format changes: -Dfuzz.writeSeeds=DIR). */
    static void writeSeeds(Path dir) throws IOException {
        Files.createDirectories(dir);
        String changes = "{\"a\":1}\n{\"b\":[1,2,{\"c\":\"d\"}]}\n";
        Files.write(dir.resolve("valid"), HostilePackages.valid(LAPTOP, HUB, changes).bytes());
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] att = "attachment bytes".getBytes(StandardCharsets.UTF_8);
        String attName = "att/" + HostilePackages.sha256(att);
        byte[] m = HostilePackages.json(HostilePackages.manifest(LAPTOP, HUB, Map.of("changes.ndjson", c, attName, att)));
        Files.write(dir.resolve("with-attachment"), new RawZip().add("changes.ndjson", c).add(attName, att)
                .add("manifest.json", m).add("manifest.json.minisig", HostilePackages.sign(LAPTOP, m)).bytes());
        Files.write(dir.resolve("stored"), new RawZip().add(new RawZip.Entry("changes.ndjson", c, false, null, null))
                .add(new RawZip.Entry("manifest.json", HostilePackages.json(HostilePackages.manifest(LAPTOP, HUB,
                        Map.of("changes.ndjson", c))), false, null, null)).bytes());
        Files.write(dir.resolve("unsigned"), new RawZip().add("manifest.json", m).bytes());
        Files.write(dir.resolve("duplicate"), HostilePackages.valid(LAPTOP, HUB, changes).add("changes.ndjson", c).bytes());
        try (var w = Files.newOutputStream(dir.resolve("java-zip"))) {
            java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(w);
            for (String n : List.of("changes.ndjson", "manifest.json")) {
                z.putNextEntry(new java.util.zip.ZipEntry(n));
                z.write(c);
                z.closeEntry();
            }
            z.finish();
        }
    }
}
