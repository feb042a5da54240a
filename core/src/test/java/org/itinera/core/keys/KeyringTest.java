package org.itinera.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    Keyring keyring() {
        return new Keyring(dir.resolve("keyring.json"), clock, new SecureRandom());
    }

    @Test
    void aPassphraseChangeRewrapsTheSameKeyAndTheOldPassphraseStopsWorking() {
        Keyring k = keyring();
        byte[] original;
        try (DatabaseKey key = k.initialise("admin", "first long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS)) {
            original = key.bytes();
            k.setPassphrase(key, "admin", "second long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS);
        }
        assertThatThrownBy(() -> k.unlock("admin", "first long passphrase".toCharArray())).isInstanceOf(SignInException.class);
        try (DatabaseKey again = k.unlock("admin", "second long passphrase".toCharArray())) {
            assertThat(again.bytes()).isEqualTo(original);
        }
    }

    @Test
    void eachUserUnlocksTheSameKeyWithTheirOwnPassphrase() {
        Keyring k = keyring();
        try (DatabaseKey key = k.initialise("admin", "first long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS)) {
            k.addUser(key, "awa", "awa's own long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS);
            try (DatabaseKey awas = k.unlock("AWA ", "awa's own long passphrase".toCharArray())) {
                assertThat(awas.bytes()).isEqualTo(key.bytes());
            }
        }
        assertThatThrownBy(() -> k.unlock("awa", "first long passphrase".toCharArray())).isInstanceOf(SignInException.class);
    }

    @Test
    void fiveWrongAttemptsLockTheAccountWithGrowingDelaysThatRelease() {
        Keyring k = keyring();
        k.initialise("admin", "first long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS).close();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> k.unlock("admin", "wrong".toCharArray()))
                    .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> k.unlock("admin", "wrong".toCharArray()))
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.LOCKED_OUT);
        // even the right passphrase is refused while locked
        assertThatThrownBy(() -> k.unlock("admin", "first long passphrase".toCharArray()))
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.LOCKED_OUT);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> k.unlock("admin", "wrong".toCharArray()))
                .extracting(e -> ((SignInException) e).lockedUntil().orElseThrow())
                .isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        k.unlock("admin", "first long passphrase".toCharArray()).close();
        // success resets the count
        assertThatThrownBy(() -> k.unlock("admin", "wrong".toCharArray()))
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
    }

    @Test
    void theKeyringHoldsNeitherTheKeyNorTheUsernamesInClear() throws Exception {
        Keyring k = keyring();
        try (DatabaseKey key = k.initialise("mariama.sow", "first long passphrase".toCharArray(), Argon2Parameters.FAST_FOR_TESTS)) {
            String file = Files.readString(dir.resolve("keyring.json"));
            assertThat(file).doesNotContain("mariama").doesNotContain(java.util.HexFormat.of().formatHex(key.bytes()))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(key.bytes()));
        }
    }
}
