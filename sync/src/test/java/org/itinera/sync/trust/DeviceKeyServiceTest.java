package org.itinera.sync.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.access.Role;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SecretSeal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device keys on a real encrypted database: made once, sealed, usable only through the database key. */
class DeviceKeyServiceTest {
    @TempDir
    Path dir;
    Workspace ws;
    DeviceKeyService keys;

    @BeforeEach
    void open() {
        ws = TestInstallations.firstRun(dir, new MutableClock(java.time.Instant.parse("2026-11-23T10:00:00Z")));
        keys = service(ws.sealingKey(DeviceKeyService.SEAL_PURPOSE));
    }

    DeviceKeyService service(byte[] sealKey) {
        return new DeviceKeyService(ws.store(), ws.access(), new TrustRepository(), new SecretSeal(sealKey, new SecureRandom()),
                ws.clock(), new SecureRandom());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void keysAreMadeOnceAndKeepTheirFingerprint() {
        assertThat(keys.fingerprint()).isEmpty();
        Fingerprint fp = keys.ensureKeys();
        assertThat(keys.ensureKeys()).isEqualTo(fp);
        assertThat(keys.fingerprint()).contains(fp);
        try (DeviceIdentity id = keys.identity()) {
            assertThat(id.fingerprint()).isEqualTo(fp);
            assertThat(id.kind()).isEqualTo(NodeKind.LAPTOP);
            assertThat(Fingerprint.ofDevice(id.signingKey().publicKey(), id.ageIdentities().getFirst().recipient()))
                    .isEqualTo(fp);
            DeviceCard card = id.card();
            assertThat(DeviceCard.parse(card.toJson())).contains(card);
            assertThat(card.fingerprint()).isEqualTo(fp.value());
        }
    }

    @Test
    void theSealedRowsOpenOnlyWithTheKeyDerivedForThem() {
        keys.ensureKeys();
        byte[] wrong = new byte[32];
        assertThatThrownBy(() -> service(wrong).identity()).isInstanceOf(IllegalStateException.class);
        byte[] other = ws.sealingKey("some other purpose");
        assertThatThrownBy(() -> service(other).identity()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noPrivateKeyTextIsStoredInTheRows() throws Exception {
        String identityText;
        try (DeviceIdentity id = keys.identity()) {
            identityText = new String(id.ageIdentities().getFirst().encoded(), StandardCharsets.US_ASCII);
        }
        ws.close();
        for (Path f : Files.list(dir).filter(Files::isRegularFile).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(identityText)
                    .doesNotContain("AGE-SECRET-KEY");
        }
        ws = TestInstallations.installation(dir, new MutableClock(java.time.Instant.parse("2026-11-23T10:00:00Z"))).signIn(TestInstallations.ADMIN,
                TestInstallations.PASSPHRASE.toCharArray());
    }

    @Test
    void rotationMakesNewKeysKeepsOldIdentitiesAndSignsAHandOver() {
        Fingerprint before = keys.ensureKeys();
        AgeRecipient oldRecipient;
        try (DeviceIdentity id = keys.identity()) {
            oldRecipient = id.ageIdentities().getFirst().recipient();
        }
        Fingerprint after = keys.rotate(ws.actor());
        assertThat(after).isNotEqualTo(before);
        try (DeviceIdentity id = keys.identity()) {
            assertThat(id.fingerprint()).isEqualTo(after);
            assertThat(id.generation()).isEqualTo(2);
            assertThat(id.ageIdentities()).hasSize(2);
            assertThat(id.ageIdentities().get(1).recipient()).isEqualTo(oldRecipient);
        }
        assertThat(keys.pendingRotation(TrustSnapshot.empty())).isPresent();
    }

    @Test
    void onlyATrustAdministratorMayRotate() {
        keys.ensureKeys();
        Actor caseworker = new Actor("u1", "awa", "Awa", Optional.empty(), java.util.Set.of(RoleGrant.everywhere(Role.CASEWORKER)));
        assertThatThrownBy(() -> keys.rotate(caseworker)).isInstanceOf(AccessDeniedException.class);
    }
}
