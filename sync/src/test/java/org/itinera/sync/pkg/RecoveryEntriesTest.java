package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.itinera.core.recovery.RecoveryCrypto;
import org.itinera.core.recovery.ResetToken;
import org.itinera.core.recovery.ResetTokens;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.recovery.HubRecoveryKeys;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery entries of a package (docs/sync-format.md §8) travel signed like every entry, and
 * the reader refuses the whole package when one is not what it must be: a reset token not signed
 * by the hub that signed the package, an escrow that is not the sender's, a damaged document.
 */
class RecoveryEntriesTest {
    @TempDir
    Path dir;
    final TestNode laptop = TestNode.create("laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("hub", NodeKind.HUB);
    final TrustSnapshot trust = SyncFixtures.Root.create().snapshot(laptop, hub);
    int n;

    ReadOutcome send(TestNode from, TestNode to, RecoveryEntries recovery) {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        Path out = dir.resolve("out" + n++);
        WrittenPackage w;
        try (OutgoingPackage p = writer.open(out, SyncFixtures.start(from, to, 1), List.of(to.age().recipient()),
                from.sign())) {
            p.append(SyncFixtures.personChange(from, 1).getBytes(StandardCharsets.UTF_8));
            PackageSummary s = SyncFixtures.summary(from, 1, 1);
            w = p.finish(new PackageSummary(s.ack(), s.covers(), s.counts(), s.auditChainHead(), Optional.empty(),
                    Optional.empty(), recovery));
        }
        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(w.file(), to.identity(), trust);
        if (o instanceof VerifiedPackage v) {
            v.close();
        }
        return o;
    }

    byte[] token(SigningKey signer, String node) {
        KeyPair keys = HubRecoveryKeys.signing(signer);
        Instant now = Instant.now();
        ResetToken t = new ResetToken(ResetToken.FORMAT, UUID.randomUUID().toString(), node, "mariama",
                UUID.randomUUID().toString(), now.toString(), now.plusSeconds(3600).toString(),
                Base64.getEncoder().encodeToString(new byte[16]), 1024, 1, 1, Base64.getEncoder().encodeToString(new byte[60]));
        return ResetTokens.sign(t, keys.getPrivate());
    }

    byte[] escrow(String node) {
        return ("{\"format\":\"itinera-recovery-escrow/1\",\"node\":\"" + node + "\",\"secret_id\":\"" + UUID.randomUUID()
                + "\",\"ephemeral\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\",\"sealed\":\""
                + Base64.getEncoder().encodeToString(new byte[60]) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static RejectReason reason(ReadOutcome o) {
        assertThat(o).isInstanceOf(ReadOutcome.Rejected.class);
        return ((ReadOutcome.Rejected) o).reason();
    }

    @Test
    void tokensSignedByTheSendingHubAndTheLaptopsOwnEscrowArrive() {
        byte[] token = token(hub.sign(), laptop.nodeId());
        ReadOutcome o = send(hub, laptop, new RecoveryEntries(Optional.empty(), List.of(token), Optional.empty()));
        assertThat(o).isInstanceOf(VerifiedPackage.class);
        assertThat(((VerifiedPackage) o).recovery().tokens()).containsExactly(token);
        ReadOutcome e = send(laptop, hub, new RecoveryEntries(Optional.of(escrow(laptop.nodeId())), List.of(),
                Optional.empty()));
        assertThat(((VerifiedPackage) e).recovery().escrow()).isPresent();
    }

    @Test
    void aTokenNotSignedByTheSendingHubRefusesThePackage() {
        try (SigningKey stranger = SigningKey.generate(SyncFixtures.RANDOM)) {
            assertThat(reason(send(hub, laptop, new RecoveryEntries(Optional.empty(),
                    List.of(token(stranger, laptop.nodeId())), Optional.empty())))).isEqualTo(RejectReason.MALFORMED_RECOVERY);
        }
        assertThat(reason(send(hub, laptop, new RecoveryEntries(Optional.empty(),
                List.of("{\"format\":\"itinera-reset-token/1\",\"body\":\"e30=\",\"signature\":\"AA==\"}"
                        .getBytes(StandardCharsets.UTF_8)), Optional.empty())))).isEqualTo(RejectReason.MALFORMED_RECOVERY);
    }

    @Test
    void anEscrowThatIsNotTheSendersOrIsDamagedRefusesThePackage() {
        assertThat(reason(send(laptop, hub, new RecoveryEntries(Optional.of(escrow(hub.nodeId())), List.of(),
                Optional.empty())))).isEqualTo(RejectReason.MALFORMED_RECOVERY);
        byte[] extra = new String(escrow(laptop.nodeId()), StandardCharsets.UTF_8).replace("}", ",\"x\":\"y\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reason(send(laptop, hub, new RecoveryEntries(Optional.of(extra), List.of(), Optional.empty()))))
                .isEqualTo(RejectReason.MALFORMED_RECOVERY);
        assertThat(reason(send(laptop, hub, new RecoveryEntries(Optional.of("not json".getBytes(StandardCharsets.UTF_8)),
                List.of(), Optional.empty())))).isEqualTo(RejectReason.MALFORMED_RECOVERY);
    }

    @Test
    void theHubsRecoveryKeysAreItsDeviceKeys() {
        KeyPair escrow = HubRecoveryKeys.escrow(hub.age());
        byte[] shared1 = RecoveryCrypto.agree(escrow.getPrivate(), escrow.getPublic());
        try (AgeIdentity other = AgeIdentity.generate()) {
            KeyPair o = HubRecoveryKeys.escrow(other);
            // both sides of an X25519 agreement meet only if each private key matches its public half
            assertThat(RecoveryCrypto.agree(escrow.getPrivate(), o.getPublic()))
                    .isEqualTo(RecoveryCrypto.agree(o.getPrivate(), escrow.getPublic()));
        }
        assertThat(shared1).hasSize(32);
        assertThat(HubRecoveryKeys.escrowPublic(hub.age().recipient())).isEqualTo(RecoveryCrypto.raw(escrow.getPublic()));
        byte[] sig = RecoveryCrypto.sign(HubRecoveryKeys.signing(hub.sign()).getPrivate(), new byte[] {1, 2, 3});
        assertThat(RecoveryCrypto.verify(RecoveryCrypto.ed25519(hub.sign().publicKey().raw()), new byte[] {1, 2, 3}, sig))
                .isTrue();
    }
}
