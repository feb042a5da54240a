package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.testing.HostilePackages;
import org.itinera.sync.testing.RawZip;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.KeyRotation;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who signed decides: trusted → verified; unsigned, unknown or revoked → quarantined and kept; wrong addressee → refused. */
class PackageTrustTest {
    @TempDir
    Path dir;

    final TestNode laptop = TestNode.create("Agadez laptop", NodeKind.LAPTOP);
    final TestNode other = TestNode.create("Zinder laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("Niamey hub", NodeKind.HUB);
    final Root root = Root.create();

    ReadOutcome read(Path file, TestNode me, TrustSnapshot trust) {
        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(file, me.identity(), trust);
        if (o instanceof VerifiedPackage v) {
            v.close();
        }
        return o;
    }

    Path pkg() {
        return SyncFixtures.write(dir.resolve("out"), laptop, hub, 5, List.of()).file();
    }

    @Test
    void aPackageForAnotherNodeDoesNotOpen() {
        ReadOutcome o = read(pkg(), other, root.snapshot(laptop, hub, other));
        assertThat(o).isInstanceOf(ReadOutcome.Rejected.class);
        assertThat(((ReadOutcome.Rejected) o).reason()).isEqualTo(RejectReason.WRONG_RECIPIENT);
        assertThat(o.message().key()).isEqualTo("syncformat.rejected.wrongRecipient");
    }

    @Test
    void aFileThatIsNotAPackageIsSaidToBeNone() throws Exception {
        Path f = Files.writeString(dir.resolve("holiday.itp"), "PK\u0003\u0004 just a zip");
        assertThat(((ReadOutcome.Rejected) read(f, hub, root.snapshot(laptop, hub))).reason())
                .isEqualTo(RejectReason.NOT_A_PACKAGE);
    }

    @Test
    void aPackageEncryptedToMeButAddressedToAnotherNodeIsRefused() {
        String changes = SyncFixtures.personChange(laptop, 1) + "\n";
        byte[] zip = HostilePackages.valid(laptop, other, changes).bytes();
        Path f = HostilePackages.encrypt(zip, hub.age().recipient(), dir.resolve("misaddressed.itp"));
        assertThat(((ReadOutcome.Rejected) read(f, hub, root.snapshot(laptop, hub, other))).reason())
                .isEqualTo(RejectReason.NOT_FOR_THIS_NODE);
    }

    @Test
    void anUnknownSignerIsQuarantinedAndTheFileKeptForAnAdministrator() throws Exception {
        ReadOutcome o = read(pkg(), hub, root.snapshot(hub));
        assertThat(o).isInstanceOf(ReadOutcome.Quarantined.class);
        ReadOutcome.Quarantined q = (ReadOutcome.Quarantined) o;
        assertThat(q.reason()).isEqualTo(QuarantineReason.UNKNOWN_SIGNER);
        assertThat(q.keptAt()).exists().startsWith(dir.resolve("work/quarantine"));
        assertThat(q.claimedSender()).map(Manifest.Sender::deviceKeyFingerprint).contains(laptop.fingerprint().value());
        assertThat(q.signerKeyId()).contains(laptop.sign().publicKey().keyIdHex());
    }

    @Test
    void withoutAnyTrustBundleEverySignerIsUnknown() {
        ReadOutcome o = read(pkg(), hub, TrustSnapshot.empty());
        assertThat(((ReadOutcome.Quarantined) o).reason()).isEqualTo(QuarantineReason.UNKNOWN_SIGNER);
    }

    @Test
    void aRevokedSignerIsQuarantined() {
        ReadOutcome o = read(pkg(), hub, root.snapshot(2, List.of(laptop, hub), List.of(laptop)));
        assertThat(((ReadOutcome.Quarantined) o).reason()).isEqualTo(QuarantineReason.REVOKED_SIGNER);
    }

    @Test
    void anUnsignedPackageIsQuarantined() {
        byte[] c = (SyncFixtures.personChange(laptop, 1) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(laptop, hub, Map.of("changes.ndjson", c)));
        byte[] zip = new RawZip().add("changes.ndjson", c).add("manifest.json", m).bytes();
        Path f = HostilePackages.encrypt(zip, hub.age().recipient(), dir.resolve("unsigned.itp"));
        assertThat(((ReadOutcome.Quarantined) read(f, hub, root.snapshot(laptop, hub))).reason())
                .isEqualTo(QuarantineReason.UNSIGNED);
    }

    @Test
    void aSignerClaimingAnotherNodeIsRefused() {
        // laptop signs, but the manifest says it comes from "other" (a trusted node)
        String changes = SyncFixtures.personChange(other, 1) + "\n";
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = HostilePackages.json(HostilePackages.manifest(other, hub, Map.of("changes.ndjson", c)));
        byte[] zip = new RawZip().add("changes.ndjson", c).add("manifest.json", m)
                .add("manifest.json.minisig", HostilePackages.sign(laptop, m)).bytes();
        Path f = HostilePackages.encrypt(zip, hub.age().recipient(), dir.resolve("impostor.itp"));
        assertThat(((ReadOutcome.Rejected) read(f, hub, root.snapshot(laptop, hub, other))).reason())
                .isEqualTo(RejectReason.SIGNER_MISMATCH);
    }

    @Test
    void aNewerBundleInsideThePackageVouchesForItsSigner() {
        SignedDocument newer = root.bundle(5, List.of(laptop, hub), List.of());
        Path f = writeWith(laptop, Optional.of(newer), Optional.empty());
        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(f, hub.identity(), root.snapshot(1, List.of(hub), List.of()));
        assertThat(o).isInstanceOf(VerifiedPackage.class);
        try (VerifiedPackage v = (VerifiedPackage) o) {
            assertThat(v.newerTrustBundle()).contains(newer);
        }
    }

    @Test
    void aBundleNotSignedByThePinnedRootIsIgnored() {
        SignedDocument forged = Root.create().bundle(9, List.of(laptop, hub), List.of());
        Path f = writeWith(laptop, Optional.of(forged), Optional.empty());
        assertThat(read(f, hub, root.snapshot(1, List.of(hub), List.of()))).isInstanceOf(ReadOutcome.Quarantined.class);
    }

    @Test
    void aRotatedKeyIsTrustedThroughTheOldKeysStatement() {
        TestNode rotated = laptop.rotated();
        KeyRotation r = new KeyRotation(KeyRotation.FORMAT, laptop.nodeId(), laptop.sign().publicKey().keyIdHex(),
                rotated.sign().publicKey().keyIdHex(), rotated.sign().publicKey().minisignBase64(),
                rotated.age().recipient().value(), rotated.fingerprint().value(), Instant.now().toString());
        byte[] json = org.itinera.sync.crypto.SyncJson.strict(65536, 4096).valueToTree(r).toString()
                .getBytes(StandardCharsets.UTF_8);
        SignedDocument byOld = SignedDocument.sign(laptop.sign(), json, "rotation");
        ReadOutcome o = read(writeWith(rotated, Optional.empty(), Optional.of(byOld)), hub, root.snapshot(laptop, hub));
        assertThat(o).isInstanceOf(VerifiedPackage.class);
        assertThat(((VerifiedPackage) o).signerViaRotation()).isTrue();

        SignedDocument byStranger = SignedDocument.sign(other.sign(), json, "rotation");
        assertThat(read(writeWith(rotated, Optional.empty(), Optional.of(byStranger)), hub, root.snapshot(laptop, hub, other)))
                .isInstanceOf(ReadOutcome.Quarantined.class);
        assertThat(read(writeWith(rotated, Optional.empty(), Optional.of(byOld)), hub,
                root.snapshot(2, List.of(laptop, hub), List.of(laptop)))).isInstanceOf(ReadOutcome.Quarantined.class);
    }

    private Path writeWith(TestNode from, Optional<SignedDocument> bundle, Optional<SignedDocument> rotation) {
        PackageWriter w = new PackageWriter(PackageLimits.DEFAULT);
        try (OutgoingPackage p = w.open(dir.resolve("out"), SyncFixtures.start(from, hub, 1), List.of(hub.age().recipient()),
                from.sign())) {
            p.append(SyncFixtures.personChange(from, 1).getBytes(StandardCharsets.UTF_8));
            PackageSummary s = SyncFixtures.summary(from, 1, 1);
            return p.finish(new PackageSummary(s.ack(), s.covers(), s.counts(), s.auditChainHead(), bundle, rotation)).file();
        }
    }
}
