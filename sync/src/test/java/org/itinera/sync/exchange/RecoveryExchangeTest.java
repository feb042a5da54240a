package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.keys.SignInException;
import org.itinera.core.recovery.RecoveryException;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.SyncException;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.recovery.RecoveryExchangeService;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account recovery through real sync packages between real encrypted installations (ADR 0008): a
 * laptop enrols with the hub of its trust bundle, its escrow travels to the hub, the hub issues a
 * reset token with its device keys, the token travels back, and the person sets a new passphrase
 * with the one-time code; the old passphrase stops working and the token works only once.
 */
class RecoveryExchangeTest {
    static final String OLD = "the passphrase she forgot in time";
    static final String NEW = "a brand new passphrase, hers alone";
    @TempDir
    Path tmp;
    SyncNode laptop;
    SyncNode hub;
    SyncNode other;

    @BeforeEach
    void setUp() {
        laptop = SyncNode.create("Laptop", "DKA", tmp.resolve("laptop"), Clock.systemUTC(), PackageLimits.DEFAULT);
        hub = SyncNode.create("Hub", "HUB", tmp.resolve("hub"), Clock.systemUTC(), PackageLimits.DEFAULT);
        other = SyncNode.create("Other", "THS", tmp.resolve("other"), Clock.systemUTC(), PackageLimits.DEFAULT);
        SyncFixtures.Root root = SyncFixtures.Root.create();
        var bundle = SyncNode.bundle(root, 1, List.of(laptop.nodeKey(NodeKind.LAPTOP), hub.nodeKey(NodeKind.HUB),
                other.nodeKey(NodeKind.LAPTOP)), List.of());
        for (SyncNode n : List.of(laptop, hub, other)) {
            n.trustRoot(root);
            n.trust.importBundle(n.ws.actor(), bundle);
        }
        laptop.ws.users().create(laptop.ws.actor(), new NewUser("mariama", "Mariama Bah",
                laptop.ws.currentUser().officeId(), "fr", Set.of(RoleGrant.everywhere(Role.CASEWORKER))), OLD.toCharArray());
    }

    @AfterEach
    void tearDown() {
        for (SyncNode n : List.of(laptop, hub, other)) {
            try {
                n.close();
            } catch (RuntimeException ignored) {
                // already closed by the test
            }
        }
    }

    private ImportReport carry(SyncNode from, SyncNode to, String dir) {
        Path out = tmp.resolve(dir);
        from.export.export(from.ws.actor(), to.name, out, ProgressSink.NONE);
        List<ImportReport> reports = to.imports.importFiles(to.ws.actor(), List.of(out), ProgressSink.NONE);
        assertThat(reports).hasSize(1);
        return reports.getFirst();
    }

    @Test
    void aTokenFromTheHubTravelsBackAndSetsANewPassphraseOnce() {
        RecoveryExchangeService.LaptopStatus enrolled = laptop.recovery.enrol(laptop.ws.actor(), Optional.empty());
        assertThat(enrolled.enrolled()).isTrue();
        assertThat(enrolled.hubName()).contains("Hub");
        assertThat(enrolled.delivered()).isFalse();
        int escrowBytes = laptop.ws.recovery().escrow().orElseThrow().length;

        ImportReport atHub = carry(laptop, hub, "to-hub");
        assertThat(atHub.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(atHub.rejected()).isEmpty();
        List<RecoveryExchangeService.EscrowRow> escrows = hub.recovery.escrows(hub.ws.actor());
        assertThat(escrows).extracting(RecoveryExchangeService.EscrowRow::name).containsExactly("Laptop");

        RecoveryExchangeService.Issued issued = hub.recovery.issue(hub.ws.actor(), "Laptop", "Mariama", Duration.ofDays(2));
        assertThat(issued.username()).isEqualTo("mariama");
        assertThat(issued.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(new String(issued.token(), StandardCharsets.UTF_8)).doesNotContain(issued.code());
        org.slf4j.LoggerFactory.getLogger(RecoveryExchangeTest.class).info(
                "recovery sizes: escrow.json {} bytes, reset token {} bytes", escrowBytes, issued.token().length);

        ImportReport atLaptop = carry(hub, laptop, "to-laptop");
        assertThat(atLaptop.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(atLaptop.rejected()).isEmpty();
        assertThat(laptop.recovery.status(laptop.ws.actor()).delivered()).as("the hub's receipt arrived").isTrue();
        assertThat(laptop.recovery.outgoing(hub.nodeId()).escrow()).as("no need to send the escrow again").isEmpty();
        laptop.close();

        Installation inst = new Installation(new DataDirectory(tmp.resolve("laptop")), Argon2Parameters.FAST_FOR_TESTS,
                SyncNode.REFERENCE, Clock.systemUTC(), new SecureRandom());
        assertThatThrownBy(() -> inst.recover("mariama", Optional.empty(), "AAAA-BBBB-CCCC-DDDD".toCharArray(),
                NEW.toCharArray())).isInstanceOf(RecoveryException.class)
                .extracting(e -> ((RecoveryException) e).reason()).isEqualTo(RecoveryException.Reason.WRONG_CODE);
        try (Workspace ws = inst.recover("mariama", Optional.empty(), issued.code().toCharArray(), NEW.toCharArray())) {
            assertThat(ws.currentUser().username()).isEqualTo("mariama");
        }
        assertThatThrownBy(() -> inst.signIn("mariama", OLD.toCharArray())).isInstanceOf(SignInException.class);
        inst.signIn("mariama", NEW.toCharArray()).close();
        assertThatThrownBy(() -> inst.recover("mariama", Optional.of(issued.token()), issued.code().toCharArray(),
                "yet another passphrase, a third one".toCharArray())).isInstanceOf(RecoveryException.class)
                .extracting(e -> ((RecoveryException) e).reason()).isEqualTo(RecoveryException.Reason.ALREADY_USED);

        // the hub keeps sending the token until it expires: the laptop passes over the spent one quietly,
        // and its new escrow (the secret was replaced by the reset) goes to the hub with the next package
        laptop = SyncNode.open("Laptop", "DKA", tmp.resolve("laptop"), Clock.systemUTC(), PackageLimits.DEFAULT);
        assertThat(laptop.recovery.status(laptop.ws.actor()).delivered()).as("a new secret after the reset").isFalse();
        assertThat(carry(hub, laptop, "again").rejected()).isEmpty();
        assertThat(carry(laptop, hub, "new-escrow").rejected()).isEmpty();
        assertThat(hub.recovery.escrows(hub.ws.actor()).getFirst().tokensQueued()).as("stale tokens dropped").isZero();
    }

    @Test
    void aTokenForAnotherLaptopOrTamperedIsRefusedWithAMessage() {
        laptop.recovery.enrol(laptop.ws.actor(), Optional.of("Hub"));
        other.recovery.enrol(other.ws.actor(), Optional.of(hub.nodeId()));
        carry(laptop, hub, "to-hub");
        RecoveryExchangeService.Issued forLaptop = hub.recovery.issue(hub.ws.actor(), laptop.nodeId(), "mariama",
                Duration.ofDays(1));

        List<UserMessage> refused = other.recovery.receiveTokens(other.ws.actor(), List.of(forLaptop.token()));
        assertThat(refused).extracting(UserMessage::key).containsExactly("recovery.error.OTHER_LAPTOP");

        byte[] tampered = forLaptop.token().clone();
        int at = new String(tampered, StandardCharsets.UTF_8).indexOf("\"body\":\"") + 20;
        tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
        assertThat(laptop.recovery.receiveTokens(laptop.ws.actor(), List.of(tampered))).extracting(UserMessage::key)
                .containsAnyOf("recovery.error.BAD_SIGNATURE", "recovery.error.MALFORMED");

        // the other laptop's package from the hub carries no token for it; nothing to refuse
        assertThat(carry(hub, other, "to-other").rejected()).isEmpty();
    }

    @Test
    void onlyTheHubIssuesAndOnlyForLaptopsWhoseEscrowArrived() {
        laptop.recovery.enrol(laptop.ws.actor(), Optional.empty());
        assertThatThrownBy(() -> laptop.recovery.issue(laptop.ws.actor(), "Other", "mariama", Duration.ofDays(1)))
                .isInstanceOf(SyncException.class)
                .extracting(e -> ((SyncException) e).userMessage().key()).isEqualTo("recovery.issue.notHub");
        assertThatThrownBy(() -> hub.recovery.issue(hub.ws.actor(), "Laptop", "mariama", Duration.ofDays(1)))
                .isInstanceOf(SyncException.class)
                .extracting(e -> ((SyncException) e).userMessage().key()).isEqualTo("recovery.issue.noEscrow");
        carry(laptop, hub, "to-hub");
        assertThatThrownBy(() -> hub.recovery.issue(hub.ws.actor(), "Laptop", "mariama", Duration.ofDays(8)))
                .isInstanceOf(SyncException.class)
                .extracting(e -> ((SyncException) e).userMessage().key()).isEqualTo("recovery.issue.validity");
        Actor caseworker = new Actor("u-cw", "cw", "Caseworker", Optional.empty(), Set.of(RoleGrant.everywhere(Role.CASEWORKER)));
        assertThatThrownBy(() -> hub.recovery.issue(caseworker, "Laptop", "mariama", Duration.ofDays(1)))
                .isInstanceOf(AccessDeniedException.class);
        Actor dataOfficer = new Actor("u-do", "do", "Data officer", Optional.empty(),
                Set.of(RoleGrant.everywhere(Role.DATA_OFFICER)));
        assertThat(hub.recovery.issue(dataOfficer, "Laptop", "mariama", Duration.ofDays(1)).tokenId()).isNotBlank();
    }
}
