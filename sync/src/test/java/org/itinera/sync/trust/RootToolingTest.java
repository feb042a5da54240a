package org.itinera.sync.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline root: key file sealed by passphrase, a draft to enrol and revoke, signed bundles with rising serials. */
class RootToolingTest {
    @TempDir
    Path dir;
    final char[] passphrase = "root passphrase kept in the safe".toCharArray();

    @Test
    void aRootKeyOpensOnlyWithItsPassphraseAndIsNeverOverwritten() {
        VerifyKey pub = RootKeyFile.create(dir, passphrase, Argon2Parameters.FAST_FOR_TESTS, new SecureRandom());
        assertThat(RootKeyFile.publicKey(dir)).isEqualTo(pub);
        try (SigningKey key = RootKeyFile.unlock(dir, passphrase)) {
            assertThat(key.publicKey()).isEqualTo(pub);
        }
        assertThatThrownBy(() -> RootKeyFile.unlock(dir, "guess".toCharArray())).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.wrongRootPassphrase"));
        assertThatThrownBy(() -> RootKeyFile.create(dir, passphrase, Argon2Parameters.FAST_FOR_TESTS, new SecureRandom()))
                .isInstanceOf(SyncException.class);
        try (AgeIdentity escrow = RootKeyFile.unlockEscrow(dir, passphrase)) {
            assertThat(escrow.recipient()).isEqualTo(RootKeyFile.escrowRecipient(dir));
        }
    }

    @Test
    void enrolRevokeAndSignMakeBundlesWithRisingSerials() throws Exception {
        VerifyKey pub = RootKeyFile.create(dir, passphrase, Argon2Parameters.FAST_FOR_TESTS, new SecureRandom());
        BundleDraft draft = new BundleDraft(dir, Clock.systemUTC());
        draft.start(pub, Optional.of(RootKeyFile.escrowRecipient(dir)));
        TestNode laptop = TestNode.create("Dakar laptop 3", NodeKind.LAPTOP);
        TestNode hub = TestNode.create("Dakar hub", NodeKind.HUB);
        DeviceCard laptopCard = DeviceCard.parse(new DeviceCard(DeviceCard.FORMAT, laptop.nodeId(), laptop.name(),
                laptop.kind(), laptop.sign().publicKey().keyIdHex(), laptop.sign().publicKey().minisignBase64(),
                laptop.age().recipient().value(), laptop.fingerprint().value()).toJson()).orElseThrow();
        Fingerprint misread = Fingerprint.ofDevice(hub.sign().publicKey(), hub.age().recipient());
        assertThatThrownBy(() -> draft.enrol(laptopCard, misread)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.fingerprintMismatch"));
        draft.enrol(laptopCard, Fingerprint.parse(laptop.fingerprint().value().toLowerCase().replace("-", " ")).orElseThrow());
        draft.enrol(new DeviceCard(DeviceCard.FORMAT, hub.nodeId(), hub.name(), hub.kind(), hub.sign().publicKey().keyIdHex(),
                hub.sign().publicKey().minisignBase64(), hub.age().recipient().value(), hub.fingerprint().value()),
                hub.fingerprint());
        Path first;
        try (SigningKey root = RootKeyFile.unlock(dir, passphrase)) {
            first = draft.sign(root, dir.resolve("out"));
        }
        TrustBundle b1 = TrustBundle.open(BundleDraft.readBundleFile(first), pub).orElseThrow();
        assertThat(b1.serial()).isEqualTo(1);
        assertThat(b1.recipientsFor(hub.nodeId())).containsExactly(hub.age().recipient(), RootKeyFile.escrowRecipient(dir));
        assertThat(b1.recipientsFor(laptop.nodeId())).contains(laptop.age().recipient());

        draft.revoke(laptop.fingerprint(), "laptop stolen in Kayes");
        Path second;
        try (SigningKey root = RootKeyFile.unlock(dir, passphrase)) {
            second = draft.sign(root, dir.resolve("out"));
        }
        SignedDocument doc = BundleDraft.readBundleFile(second);
        TrustBundle b2 = TrustBundle.open(doc, pub).orElseThrow();
        assertThat(b2.serial()).isEqualTo(2);
        assertThat(b2.isRevoked(laptop.sign().publicKey().keyIdHex())).isTrue();
        assertThat(b2.recipientsFor(laptop.nodeId())).isEmpty();
        assertThat(Files.readString(second.resolveSibling(second.getFileName() + ".minisig")))
                .contains("trusted comment: itinera-trust/1 serial 2");
        assertThatThrownBy(() -> draft.enrol(laptopCard, laptop.fingerprint())).isInstanceOf(SyncException.class);
    }
}
