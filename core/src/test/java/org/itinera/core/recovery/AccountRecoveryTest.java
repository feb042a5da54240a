package org.itinera.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditFilter;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.keys.SignInException;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account recovery without network, laptop side, against a test hub: the laptop escrows a recovery
 * secret to the hub; the hub issues a signed, time-limited token with a one-time code; the person
 * sets a new passphrase with them. Tokens are refused when forged, expired, for another laptop or
 * account, already used, or stale; a wrong code five times spends the token.
 */
class AccountRecoveryTest {
    static final String OLD = "the passphrase she forgot in time";
    static final String NEW = "a brand new passphrase, hers alone";
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final SecureRandom random = new SecureRandom();
    HubRecoveryIssuer hub;
    Installation installation;
    byte[] escrow;

    @BeforeEach
    void setUp() {
        hub = testHub();
        try (Workspace ws = TestInstallations.firstRun(dir, clock)) {
            ws.users().create(ws.actor(), new NewUser("mariama", "Mariama Bah", ws.currentUser().officeId(), "fr",
                    Set.of(RoleGrant.everywhere(Role.CASEWORKER))), OLD.toCharArray());
            ws.recovery().enrol(ws.actor(), hub.signingPublicKey(), hub.escrowPublicKey());
            escrow = ws.recovery().escrow().orElseThrow();
        }
        installation = TestInstallations.installation(dir, clock);
    }

    private HubRecoveryIssuer testHub() {
        KeyPair signing = RecoveryCrypto.generate("Ed25519", random);
        KeyPair esc = RecoveryCrypto.generate("X25519", random);
        return new HubRecoveryIssuer(signing, esc, random, Argon2Parameters.FAST_FOR_TESTS);
    }

    private HubRecoveryIssuer.Issued issue(String username) {
        return hub.issue(escrow, username, clock.instant(), Duration.ofHours(48));
    }

    @Test
    void aTokenAndItsCodeSetANewPassphraseThatThenSignsIn() {
        HubRecoveryIssuer.Issued t = issue("mariama");
        try (Workspace ws = installation.recover("mariama", Optional.of(t.token()), t.code().toLowerCase().toCharArray(),
                NEW.toCharArray())) {
            assertThat(ws.currentUser().username()).isEqualTo("mariama");
            assertThat(ws.audit().head().seq()).isPositive();
        }
        assertThatThrownBy(() -> installation.signIn("mariama", OLD.toCharArray())).isInstanceOf(SignInException.class);
        try (Workspace ws = installation.signIn("mariama", NEW.toCharArray())) {
            java.util.List<org.itinera.core.audit.AuditEntry> entries = ws.store().read(dsl -> new org.itinera.core.audit
                    .AuditRepository().page(dsl, AuditFilter.ALL.withAction("PASSPHRASE_RECOVERY"), 0, 5));
            assertThat(entries).singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("token=" + t.tokenId()));
        }
    }

    @Test
    void aTokenWorksOnlyOnceEvenWhenCopied() {
        HubRecoveryIssuer.Issued t = issue("mariama");
        installation.recover("mariama", Optional.of(t.token()), t.code().toCharArray(), NEW.toCharArray()).close();
        assertThatThrownBy(() -> installation.recover("mariama", Optional.of(t.token()), t.code().toCharArray(),
                "yet another passphrase, third one".toCharArray()))
                .isInstanceOfSatisfying(RecoveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecoveryException.Reason.ALREADY_USED));
    }

    @Test
    void theSecretIsReplacedAfterAResetSoAnOlderTokenIsStaleAndANewEscrowWaitsForTheHub() {
        HubRecoveryIssuer.Issued first = issue("mariama");
        HubRecoveryIssuer.Issued second = issue("mariama");
        byte[] newEscrow;
        try (Workspace ws = installation.recover("mariama", Optional.of(first.token()), first.code().toCharArray(),
                NEW.toCharArray())) {
            newEscrow = ws.recovery().escrow().orElseThrow();
        }
        assertThat(newEscrow).isNotEqualTo(escrow);
        assertThatThrownBy(() -> installation.recover("mariama", Optional.of(second.token()), second.code().toCharArray(),
                "yet another passphrase, third one".toCharArray()))
                .extracting(e -> ((RecoveryException) e).reason()).isEqualTo(RecoveryException.Reason.STALE);
        HubRecoveryIssuer.Issued fresh = hub.issue(newEscrow, "mariama", clock.instant(), Duration.ofHours(1));
        installation.recover("mariama", Optional.of(fresh.token()), fresh.code().toCharArray(),
                "yet another passphrase, third one".toCharArray()).close();
    }

    @Test
    void refusedTokensSayWhy() {
        HubRecoveryIssuer.Issued t = issue("mariama");
        assertRefused(hub.issue(escrow, "awa", clock.instant(), Duration.ofHours(1)), "mariama",
                RecoveryException.Reason.OTHER_USER);
        HubRecoveryIssuer forger = testHub();
        assertRefused(forger.issue(forgedEscrowFor(forger), "mariama", clock.instant(), Duration.ofHours(1)), "mariama",
                RecoveryException.Reason.BAD_SIGNATURE);
        assertRefused(hub.issue(escrow, "mariama", clock.instant(), Duration.ofDays(30)), "mariama",
                RecoveryException.Reason.TOO_LONG);
        assertRefused(hub.issue(escrow, "mariama", clock.instant().plus(Duration.ofHours(3)), Duration.ofHours(4)),
                "mariama", RecoveryException.Reason.NOT_YET_VALID);
        byte[] tampered = t.token().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> installation.recover("mariama", Optional.of(tampered), t.code().toCharArray(),
                NEW.toCharArray())).isInstanceOf(RecoveryException.class);
        clock.advance(Duration.ofHours(49));
        assertRefused(t, "mariama", RecoveryException.Reason.EXPIRED);
    }

    @Test
    void fiveWrongCodesSpendTheToken() {
        HubRecoveryIssuer.Issued t = issue("mariama");
        for (int i = 0; i < 5; i++) {
            assertRefused(new HubRecoveryIssuer.Issued(t.token(), "AAAA-BBBB-CCCC-DDDD", t.tokenId()), "mariama",
                    RecoveryException.Reason.WRONG_CODE);
        }
        assertRefused(t, "mariama", RecoveryException.Reason.ALREADY_USED);
    }

    @Test
    void aTokenFromASyncPackageWaitsInTheKeyringUntilItsOwnerUsesItWithTheCode() throws Exception {
        HubRecoveryIssuer.Issued t = issue("mariama");
        try (Workspace colleague = installation.signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            colleague.recovery().receiveToken(colleague.actor(), t.token());
        }
        String keyring = Files.readString(dir.resolve("keyring.json"), StandardCharsets.UTF_8);
        assertThat(keyring).doesNotContain("mariama");
        installation.recover("MARIAMA ", Optional.empty(), t.code().toCharArray(), NEW.toCharArray()).close();
        installation.signIn("mariama", NEW.toCharArray()).close();
    }

    @Test
    void aWeakNewPassphraseIsRefusedBeforeTheTokenIsSpent() {
        HubRecoveryIssuer.Issued t = issue("mariama");
        assertThatThrownBy(() -> installation.recover("mariama", Optional.of(t.token()), t.code().toCharArray(),
                "short".toCharArray())).isInstanceOf(ValidationException.class);
        installation.recover("mariama", Optional.of(t.token()), t.code().toCharArray(), NEW.toCharArray()).close();
    }

    @Test
    void aLaptopThatNeverEnrolledCannotRecover() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        TestInstallations.firstRun(other, clock).close();
        HubRecoveryIssuer.Issued t = issue("admin");
        assertThatThrownBy(() -> TestInstallations.installation(other, clock).recover("admin", Optional.of(t.token()),
                t.code().toCharArray(), NEW.toCharArray()))
                .extracting(e -> ((RecoveryException) e).reason()).isEqualTo(RecoveryException.Reason.NOT_ENROLLED);
    }

    private byte[] forgedEscrowFor(HubRecoveryIssuer forger) {
        // a forger with their own keys can seal a secret of their choosing for this laptop's node id
        RecoveryEscrow real = RecoveryEscrow.fromJson(escrow);
        return RecoveryEscrow.seal(new byte[32], real.node(), real.secretId(),
                RecoveryCrypto.x25519(forger.escrowPublicKey()), random).toJson();
    }

    private void assertRefused(HubRecoveryIssuer.Issued t, String user, RecoveryException.Reason reason) {
        assertThatThrownBy(() -> installation.recover(user, Optional.of(t.token()), t.code().toCharArray(),
                NEW.toCharArray()))
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
