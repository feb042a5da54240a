package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.sync.testing.HostilePackages;
import org.itinera.sync.testing.RawZip;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-encrypted packages whose inside is hostile: each is refused with the right reason, and nothing is kept. */
class HostilePackageTest {
    @TempDir
    Path dir;

    final TestNode laptop = TestNode.create("Kayes laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("Bamako hub", NodeKind.HUB);
    final Root root = Root.create();
    final TrustSnapshot trust = root.snapshot(laptop, hub);
    final String changes = SyncFixtures.personChange(laptop, 1) + "\n" + SyncFixtures.personChange(laptop, 2) + "\n";
    int files;

    ReadOutcome read(byte[] zip, PackageLimits limits) {
        Path f = HostilePackages.encrypt(zip, hub.age().recipient(), dir.resolve("p" + files++ + ".itp"));
        ReadOutcome o = new PackageReader(dir.resolve("work"), limits, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(f, hub.identity(), trust);
        if (o instanceof VerifiedPackage v) {
            v.close();
        }
        return o;
    }

    ReadOutcome read(byte[] zip) {
        return read(zip, PackageLimits.DEFAULT);
    }

    RejectReason rejected(ReadOutcome o) {
        assertThat(o).isInstanceOf(ReadOutcome.Rejected.class);
        return ((ReadOutcome.Rejected) o).reason();
    }

    @Test
    void theHandMadeValidPackageIsAccepted() {
        assertThat(read(HostilePackages.valid(laptop, hub, changes).bytes())).isInstanceOf(VerifiedPackage.class);
    }

    @Test
    void duplicateEntryNamesAreRefused() {
        byte[] zip = HostilePackages.valid(laptop, hub, changes).add("changes.ndjson", "{}\n".getBytes()).bytes();
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.DUPLICATE_ENTRY);
    }

    @Test
    void aLocalHeaderNamingAnotherFileThanTheDirectoryIsRefused() {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c)));
        byte[] zip = new RawZip().add(RawZip.Entry.of("changes.ndjson", c).withLocalName("att/" + "0".repeat(64)))
                .add("manifest.json", m).add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.DUPLICATE_ENTRY);
    }

    @Test
    void namesOutsideTheWhitelistAreRefusedWhateverTheyPointAt() {
        for (String name : List.of("../../etc/passwd", "att/notahash", "/abs", "changes.ndjson/", "x.json")) {
            byte[] zip = HostilePackages.valid(laptop, hub, changes).add(name, "x".getBytes()).bytes();
            assertThat(rejected(read(zip))).as(name).isEqualTo(RejectReason.UNEXPECTED_ENTRY);
        }
    }

    @Test
    void tooManyEntriesAreRefused() {
        RawZip zip = HostilePackages.valid(laptop, hub, changes);
        for (int i = 0; i < 20; i++) {
            zip.add("att/" + String.format("%064x", i), new byte[] {1});
        }
        PackageLimits small = new PackageLimits(1024 * 1024, 64 * 1024 * 1024, 64 * 1024 * 1024, 16 * 1024 * 1024, 16,
                200, 1024 * 1024, 1024 * 1024, 1024 * 1024, 1024 * 1024);
        assertThat(rejected(read(zip.bytes(), small))).isEqualTo(RejectReason.ZIP_BOMB);
    }

    @Test
    void aCompressionBombIsRefusedBeforeInflating() {
        byte[] zeros = new byte[32 * 1024 * 1024];
        byte[] zip = HostilePackages.valid(laptop, hub, changes).add("att/" + "1".repeat(64), zeros).bytes();
        assertThat(zip.length).isLessThan(200_000);
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.ZIP_BOMB);
    }

    @Test
    void anEntryLargerThanTheCapIsRefused() {
        byte[] big = new byte[3 * 1024 * 1024];
        SyncFixtures.RANDOM.nextBytes(big);
        PackageLimits small = new PackageLimits(1024 * 1024, 64 * 1024 * 1024, 64 * 1024 * 1024, 2 * 1024 * 1024, 100,
                200, 1024 * 1024, 1024 * 1024, 1024 * 1024, 1024 * 1024);
        byte[] zip = HostilePackages.valid(laptop, hub, changes).add("att/" + "2".repeat(64), big).bytes();
        assertThat(rejected(read(zip, small))).isEqualTo(RejectReason.ZIP_BOMB);
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsCaught() {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c)));
        byte[] zip = new RawZip().add(RawZip.Entry.of("changes.ndjson", c).withDeclaredSize(10)).add("manifest.json", m)
                .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
        assertThat(rejected(read(zip))).isIn(RejectReason.ZIP_BOMB, RejectReason.CONTENT_MISMATCH);
    }

    @Test
    void bytesBeforeTheFirstEntryOrACommentAreRefused() {
        assertThat(rejected(read(HostilePackages.valid(laptop, hub, changes).prefix(new byte[100]).bytes())))
                .isEqualTo(RejectReason.MALFORMED_ZIP);
        assertThat(rejected(read(HostilePackages.valid(laptop, hub, changes).comment("hi").bytes())))
                .isEqualTo(RejectReason.MALFORMED_ZIP);
        assertThat(rejected(read("not a zip at all".getBytes()))).isEqualTo(RejectReason.MALFORMED_ZIP);
    }

    @Test
    void anEntryThatDiffersFromTheSignedManifestIsRefused() {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c)));
        byte[] forged = changes.replace("Aminata", "Aminatu").getBytes(StandardCharsets.UTF_8);
        byte[] zip = new RawZip().add("changes.ndjson", forged).add("manifest.json", m)
                .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.CONTENT_MISMATCH);
    }

    @Test
    void anEntryTheManifestDoesNotListIsRefused() {
        byte[] zip = HostilePackages.valid(laptop, hub, changes).add("att/" + "3".repeat(64), new byte[] {1, 2}).bytes();
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.CONTENT_MISMATCH);
    }

    @Test
    void aManifestChangedAfterSigningIsRefused() {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c)));
        byte[] sig = HostilePackages.sign(laptop, m);
        byte[] changed = new String(m, StandardCharsets.UTF_8).replace("\"pkg_seq\":1", "\"pkg_seq\":2")
                .getBytes(StandardCharsets.UTF_8);
        byte[] zip = new RawZip().add("changes.ndjson", c).add("manifest.json", changed).add("manifest.json.minisig", sig)
                .bytes();
        assertThat(rejected(read(zip))).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void hostileJsonInASignedManifestIsRefusedNotParsedForever() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("deep nesting", "{\"format\":\"itinera-sync/1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        hostile.put("huge number", "{\"format\":\"itinera-sync/1\",\"pkg_seq\":1" + "0".repeat(5000) + "}");
        hostile.put("duplicate keys", "{\"format\":\"itinera-sync/1\",\"to\":\"a\",\"to\":\"b\"}");
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 3_000_000; i++) {
            noise.append((char) ('a' + SyncFixtures.RANDOM.nextInt(26)));
        }
        hostile.put("huge string", "{\"format\":\"itinera-sync/1\",\"to\":\"" + noise + "\"}");
        hostile.put("not an object", "[1,2,3]");
        hostile.put("trailing tokens", new String(HostilePackages.json(HostilePackages.manifest(laptop, hub,
                Map.of("changes.ndjson", changes.getBytes(StandardCharsets.UTF_8)))), StandardCharsets.UTF_8) + "{}");
        hostile.put("unknown field", "{\"format\":\"itinera-sync/1\",\"surprise\":1}");
        hostile.put("float as counter", "{\"format\":\"itinera-sync/1\",\"pkg_seq\":1.5}");
        hostile.forEach((what, json) -> {
            byte[] m = json.getBytes(StandardCharsets.UTF_8);
            byte[] zip = new RawZip().add("changes.ndjson", changes.getBytes(StandardCharsets.UTF_8)).add("manifest.json", m)
                    .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
            assertThat(rejected(read(zip))).as(what).isEqualTo(RejectReason.MALFORMED_MANIFEST);
        });
    }

    @Test
    void aPackageFromANewerVersionAsksForAnUpdate() {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        Manifest ok = HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c));
        Manifest newer = new Manifest(ok.format(), ok.packageId(), ok.from(), ok.to(), ok.pkgSeq(), ok.prevPkgSha256(),
                org.itinera.schema.SchemaVersion.LATEST + 1, ok.createdAt(), ok.ack(), ok.covers(), ok.entries(),
                ok.counts(), ok.auditChainHead());
        byte[] m = HostilePackages.json(newer);
        byte[] zip = new RawZip().add("changes.ndjson", c).add("manifest.json", m)
                .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
        ReadOutcome o = read(zip);
        assertThat(rejected(o)).isEqualTo(RejectReason.NEWER_VERSION);
        assertThat(o.message().key()).isEqualTo("syncformat.rejected.newerVersion");
        byte[] format2 = new String(HostilePackages.json(ok), StandardCharsets.UTF_8)
                .replace("itinera-sync/1", "itinera-sync/2").getBytes(StandardCharsets.UTF_8);
        byte[] zip2 = new RawZip().add("changes.ndjson", c).add("manifest.json", format2)
                .add("manifest.json.minisig", HostilePackages.sign(laptop, format2)).bytes();
        assertThat(rejected(read(zip2))).isEqualTo(RejectReason.NEWER_VERSION);
    }

    @Test
    void changeLinesMustBeTerminatedUtf8AndAsManyAsCounted() {
        for (String bad : List.of(changes.trim(), changes + "{}\n", changes.replace("Diallo", "Dia\u0000llo"))) {
            byte[] c = bad.getBytes(StandardCharsets.UTF_8);
            if (bad.contains("\u0000")) {
                c[c.length - 10] = (byte) 0xC3; // a lone lead byte: not UTF-8
            }
            byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson",
                    changes.getBytes(StandardCharsets.UTF_8))));
            Manifest honest = HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c));
            Manifest counted = new Manifest(honest.format(), honest.packageId(), honest.from(), honest.to(), 1,
                    honest.prevPkgSha256(), 1, honest.createdAt(), Map.of(), Map.of(), honest.entries(),
                    Map.of("person", 2L), honest.auditChainHead());
            m = HostilePackages.json(counted);
            byte[] zip = new RawZip().add("changes.ndjson", c).add("manifest.json", m)
                    .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
            assertThat(rejected(read(zip))).as(bad.length() + " bytes").isEqualTo(RejectReason.MALFORMED_CHANGES);
        }
    }

    @Test
    void nothingOfARefusedPackageIsLeftOnDisk() throws Exception {
        read(HostilePackages.valid(laptop, hub, changes).add("changes.ndjson", "{}\n".getBytes()).bytes());
        try (var staged = Files.list(dir.resolve("work/staging"))) {
            assertThat(staged).isEmpty();
        }
    }
}
