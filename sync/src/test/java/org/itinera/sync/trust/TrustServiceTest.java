package org.itinera.sync.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustServiceTest {
    @TempDir
    Path dir;
    Workspace ws;
    TrustService trust;
    final Root root = Root.create();
    final TestNode hub = TestNode.create("hub", NodeKind.HUB);
    final TestNode laptop = TestNode.create("laptop", NodeKind.LAPTOP);

    @BeforeEach
    void open() {
        ws = TestInstallations.firstRun(dir, new MutableClock(java.time.Instant.parse("2026-11-23T10:00:00Z")));
        trust = new TrustService(ws.store(), ws.access(), new TrustRepository(), ws.clock());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    Fingerprint rootFp() {
        return Fingerprint.ofRoot(root.key().publicKey());
    }

    @Test
    void theRootIsPinnedOnlyWithItsFingerprintAndOnlyOnce() {
        String pub = root.key().publicKey().minisignFile();
        Fingerprint wrong = Fingerprint.ofRoot(Root.create().key().publicKey());
        assertThatThrownBy(() -> trust.pinRoot(ws.actor(), pub, wrong)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.fingerprintMismatch"));
        assertThat(trust.pinnedRoot()).isEmpty();
        assertThat(trust.pinRoot(ws.actor(), pub, rootFp())).isEqualTo(rootFp());
        assertThat(trust.pinnedRoot()).contains(root.key().publicKey());
        assertThat(trust.pinRoot(ws.actor(), pub, rootFp())).isEqualTo(rootFp());
        Root other = Root.create();
        assertThatThrownBy(() -> trust.pinRoot(ws.actor(), other.key().publicKey().minisignFile(),
                Fingerprint.ofRoot(other.key().publicKey()))).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.otherRootPinned"));
    }

    @Test
    void onlyNewerBundlesSignedByTheRootAreAccepted() {
        assertThatThrownBy(() -> trust.importBundle(ws.actor(), root.bundle(1, List.of(hub), List.of())))
                .isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.noRootPinned"));
        trust.pinRoot(ws.actor(), root.key().publicKey().minisignFile(), rootFp());
        trust.importBundle(ws.actor(), root.bundle(2, List.of(hub), List.of()));
        assertThat(trust.snapshot().serial()).isEqualTo(2);
        assertThatThrownBy(() -> trust.importBundle(ws.actor(), root.bundle(2, List.of(hub, laptop), List.of())))
                .isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.bundleNotNewer"));
        assertThatThrownBy(() -> trust.importBundle(ws.actor(), Root.create().bundle(9, List.of(laptop), List.of())))
                .isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("syncformat.trust.badBundle"));
        SignedDocument good = root.bundle(3, List.of(hub, laptop), List.of());
        SignedDocument tampered = new SignedDocument(good.jsonText().replace("laptop", "lapt0p").getBytes(), good.minisig());
        assertThatThrownBy(() -> trust.importBundle(ws.actor(), tampered)).isInstanceOf(SyncException.class);
        trust.importBundle(ws.actor(), good);
        TrustSnapshot s = trust.snapshot();
        assertThat(s.serial()).isEqualTo(3);
        assertThat(s.statusOf(laptop.sign().publicKey().keyIdHex())).isInstanceOf(SignerStatus.Trusted.class);
        assertThat(trust.currentBundleDocument()).contains(good);
    }

    @Test
    void aBundleFromAPackageIsKeptInTheImportsTransactionOnlyIfNewer() {
        trust.pinRoot(ws.actor(), root.key().publicKey().minisignFile(), rootFp());
        trust.importBundle(ws.actor(), root.bundle(4, List.of(hub), List.of()));
        Boolean older = ws.store().write(ws.actor(), AuditEvent.ok("TEST", "x", null),
                tx -> trust.acceptFromPackage(tx, root.bundle(3, List.of(hub, laptop), List.of())));
        Boolean newer = ws.store().write(ws.actor(), AuditEvent.ok("TEST", "x", null),
                tx -> trust.acceptFromPackage(tx, root.bundle(5, List.of(hub, laptop), List.of())));
        assertThat(older).isFalse();
        assertThat(newer).isTrue();
        assertThat(trust.snapshot().serial()).isEqualTo(5);
    }

    @Test
    void onlyATrustAdministratorMayPinOrImport() {
        Actor caseworker = new Actor("u1", "awa", "Awa", java.util.Optional.empty(),
                java.util.Set.of(RoleGrant.everywhere(Role.CASEWORKER)));
        assertThatThrownBy(() -> trust.pinRoot(caseworker, root.key().publicKey().minisignFile(), rootFp()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trust.importBundle(caseworker, root.bundle(1, List.of(), List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
