package org.itinera.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditEntry;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditFilter;
import org.itinera.core.keys.SignInException;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in as people live it: the lock-out engages after five wrong passphrases and releases after
 * the wait; failed attempts, which happen before the database can open, reach the audit trail at
 * the next sign-in, dated when they happened and attributed to the account they tried.
 */
class SignInAuditTest {
    static final String AWA_PASS = "she chose her own long passphrase";
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
    Installation installation;
    String awaId;

    @BeforeEach
    void setUp() {
        try (Workspace ws = TestInstallations.firstRun(dir, clock)) {
            awaId = ws.users().create(ws.actor(), new NewUser("awa", "Awa Diop", ws.currentUser().officeId(), "fr",
                    Set.of(RoleGrant.everywhere(Role.CASEWORKER))), AWA_PASS.toCharArray()).id();
        }
        installation = TestInstallations.installation(dir, clock);
    }

    @Test
    void theLockOutEngagesAfterFiveWrongPassphrasesAndReleasesAfterTheWait() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> installation.signIn("awa", "wrong".toCharArray()))
                    .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> installation.signIn("awa", "wrong".toCharArray()))
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.LOCKED_OUT);
        // engaged: even the right passphrase is refused, and the message says until when
        assertThatThrownBy(() -> installation.signIn("awa", AWA_PASS.toCharArray()))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInException.Reason.LOCKED_OUT);
                    assertThat(e.lockedUntil()).contains(Instant.parse("2026-11-23T08:00:30Z"));
                });
        clock.advance(Duration.ofSeconds(31));
        try (Workspace ws = installation.signIn("awa", AWA_PASS.toCharArray())) {
            assertThat(ws.currentUser().username()).isEqualTo("awa");
        }
    }

    @Test
    void failedAttemptsReachTheAuditTrailAtTheNextSignInDatedAndAttributed() {
        assertThatThrownBy(() -> installation.signIn("awa", "wrong one".toCharArray())).isInstanceOf(SignInException.class);
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> installation.signIn("nobody.here", "whatever".toCharArray()))
                .isInstanceOf(SignInException.class);
        clock.advance(Duration.ofHours(2));
        try (Workspace ws = installation.signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            List<AuditEntry> failed = ws.audit().page(ws.actor(), AuditFilter.ALL.withAction("SIGN_IN_FAILED"), 0, 10);
            assertThat(failed).hasSize(2);
            AuditEntry unknown = failed.get(0);
            AuditEntry awas = failed.get(1);
            assertThat(awas.userId()).isEqualTo(awaId);
            assertThat(awas.entityId()).isEqualTo(awaId);
            assertThat(awas.at()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
            assertThat(awas.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
            assertThat(unknown.userId()).isNull();
            assertThat(unknown.user()).isEqualTo("system:sign-in");
            assertThat(unknown.detail()).contains("unknown username").doesNotContain("nobody.here");
            assertThat(unknown.at()).isEqualTo(Instant.parse("2026-11-23T08:03:00Z"));
            // the chain stays valid although these entries are dated before the ones written earlier
            assertThat(ws.audit().verify(ws.actor(), Optional.empty(), ProgressSink.NONE).intact()).isTrue();
        }
        try (Workspace ws = installation.signIn("awa", AWA_PASS.toCharArray())) {
            int written = ws.store().read(dsl -> dsl.fetchCount(org.itinera.schema.jooq.Tables.AUDIT_ENTRY,
                    org.itinera.schema.jooq.Tables.AUDIT_ENTRY.ACTION.eq("SIGN_IN_FAILED")));
            assertThat(written).as("written once").isEqualTo(2);
        }
    }

    @Test
    void attemptsWhileLockedOutAreRecordedAsDenied() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> installation.signIn("awa", "wrong".toCharArray())).isInstanceOf(SignInException.class);
        }
        clock.advance(Duration.ofHours(2));
        try (Workspace ws = installation.signIn("awa", AWA_PASS.toCharArray())) {
            List<AuditEntry> failed = ws.store().read(dsl -> new org.itinera.core.audit.AuditRepository()
                    .page(dsl, AuditFilter.ALL.withAction("SIGN_IN_FAILED"), 0, 10));
            assertThat(failed).hasSize(6);
            assertThat(failed).filteredOn(e -> e.outcome() == AuditEvent.Outcome.DENIED).hasSize(2);
            AuditEntry signIn = ws.store().read(dsl -> new org.itinera.core.audit.AuditRepository()
                    .page(dsl, AuditFilter.ALL.withAction("SIGN_IN"), 0, 1)).getFirst();
            assertThat(signIn.detail()).isEqualTo("failed attempts before: 6");
        }
    }

    @Test
    void theScreenUnlocksOnlyWithTheSameUsersPassphraseAndWrongTriesCountAndAreAudited() {
        try (Workspace ws = installation.signIn("awa", AWA_PASS.toCharArray())) {
            ws.screenLocked();
            assertThatThrownBy(() -> ws.unlockScreen(TestInstallations.PASSPHRASE.toCharArray()))
                    .isInstanceOf(SignInException.class);
            ws.unlockScreen(AWA_PASS.toCharArray());
            List<String> actions = ws.store().read(dsl -> new org.itinera.core.audit.AuditRepository()
                    .page(dsl, AuditFilter.ALL, 0, 3)).stream().map(AuditEntry::action).toList();
            assertThat(actions).containsExactly("SCREEN_UNLOCK", "SIGN_IN_FAILED", "SCREEN_LOCK");
        }
    }

    @Test
    void aDisabledAccountCannotSignInAnyMore() {
        try (Workspace ws = installation.signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            ws.users().disable(ws.actor(), awaId);
        }
        assertThatThrownBy(() -> installation.signIn("awa", AWA_PASS.toCharArray()))
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
    }
}
