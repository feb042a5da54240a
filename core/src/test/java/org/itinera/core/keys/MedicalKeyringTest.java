package org.itinera.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The medical key in the keyring (docs/decisions/0009): who can open it, and what it seals. */
class MedicalKeyringTest {
    static final Argon2Parameters FAST = Argon2Parameters.FAST_FOR_TESTS;
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final SecureRandom random = new SecureRandom();

    Keyring keyring() {
        return new Keyring(dir.resolve("keyring.json"), clock, random);
    }

    @Test
    void onlyTheUserItWasSealedForOpensTheMedicalKeyAndOnlyWithTheirPassphrase() {
        Keyring k = keyring();
        try (DatabaseKey key = k.initialise("admin", "admin long passphrase".toCharArray(), FAST)) {
            k.addUser(key, "nurse", "nurse long passphrase".toCharArray(), FAST);
            k.addUser(key, "officer", "officer long passphrase".toCharArray(), FAST);
        }
        byte[] sealed;
        try (MedicalKey medical = k.createMedicalKey()) {
            assertThat(k.grantMedical(medical, "nurse")).isTrue();
            assertThat(k.grantMedical(medical, "nobody")).isFalse();
            sealed = medical.seal("health_assessment", "details_sealed", "row-1", "findings".getBytes(StandardCharsets.UTF_8),
                    random);
        }
        assertThat(k.unlockAll("admin", "admin long passphrase".toCharArray()).medicalKey()).isEmpty();
        assertThat(k.unlockAll("officer", "officer long passphrase".toCharArray()).medicalKey()).isEmpty();
        Keyring.Unlocked nurse = k.unlockAll("nurse", "nurse long passphrase".toCharArray());
        assertThat(nurse.medicalKey()).hasValueSatisfying(m -> {
            assertThat(m.open("health_assessment", "details_sealed", "row-1", sealed))
                    .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("findings"));
            // the same bytes moved to another row or column do not open
            assertThat(m.open("health_assessment", "details_sealed", "row-2", sealed)).isEmpty();
            assertThat(m.open("fitness_decision", "conditions_sealed", "row-1", sealed)).isEmpty();
            byte[] altered = sealed.clone();
            altered[altered.length - 1] ^= 1;
            assertThat(m.open("health_assessment", "details_sealed", "row-1", altered)).isEmpty();
        });
        // a new passphrase gives a new key pair: the old sealed copy goes with the old one
        try (DatabaseKey key = nurse.key()) {
            k.setPassphrase(key, "nurse", "nurse second passphrase".toCharArray(), FAST);
        }
        assertThat(k.hasMedicalGrant("nurse")).isFalse();
        assertThat(k.unlockAll("nurse", "nurse second passphrase".toCharArray()).medicalKey()).isEmpty();
    }

    @Test
    void anEntryWrittenBeforeMedicalKeysGetsAKeyPairAtItsNextSignIn() throws Exception {
        Keyring k = keyring();
        k.initialise("admin", "admin long passphrase".toCharArray(), FAST).close();
        // the keyring as an older version wrote it: entries without a key pair
        ObjectMapper json = new ObjectMapper();
        ObjectNode content = (ObjectNode) json.readTree(dir.resolve("keyring.json").toFile());
        content.withArray("entries").forEach(e -> ((ObjectNode) e).remove(java.util.List.of("public", "private")));
        Files.write(dir.resolve("keyring.json"), json.writeValueAsBytes(content));
        MedicalKey medical = k.createMedicalKey();
        assertThat(k.grantMedical(medical, "admin")).as("no public key yet").isFalse();
        k.unlock("admin", "admin long passphrase".toCharArray()).close();
        assertThat(k.grantMedical(medical, "admin")).isTrue();
        assertThat(k.unlockAll("admin", "admin long passphrase".toCharArray()).medicalKey()).map(MedicalKey::id)
                .contains(medical.id());
    }

    @Test
    void sealingAndOpeningCostMicroseconds() {
        Keyring k = keyring();
        k.initialise("admin", "admin long passphrase".toCharArray(), FAST).close();
        try (MedicalKey medical = k.createMedicalKey()) {
            byte[] text = "Suspected pulmonary tuberculosis, sputum pending; oxygen on board".repeat(4)
                    .getBytes(StandardCharsets.UTF_8);
            int n = 20_000;
            for (int i = 0; i < 2_000; i++) { // warm-up
                medical.open("t", "c", "r" + i, medical.seal("t", "c", "r" + i, text, random));
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                assertThat(medical.open("t", "c", "r" + i, medical.seal("t", "c", "r" + i, text, random))).isPresent();
            }
            double micros = (System.nanoTime() - start) / 1_000.0 / n;
            System.out.printf("medical key: seal + open of a %d-byte value: %.1f µs%n", text.length, micros); // NOPMD test report
            assertThat(micros).isLessThan(2_000);
        }
    }
}
