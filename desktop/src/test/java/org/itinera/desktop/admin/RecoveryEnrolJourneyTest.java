package org.itinera.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.FxTestSupport.waitUntil;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.FxTestSupport;
import org.itinera.desktop.SyncComponents;
import org.itinera.desktop.shell.AppWindow;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.exchange.ExportService;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A mission administrator enrols the laptop for account recovery with the hub of its trust bundle
 * on the admin screen's "This laptop" tab; after a real package exchange with the hub, the tab
 * says the hub holds the laptop's recovery key.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryEnrolJourneyTest {
    @TempDir
    Path dir;
    @TempDir
    Path hubDir;
    AppContext context;
    Workspace hub;
    SyncComponents hubSync;

    @Start
    void start(Stage stage) {
        SigningKey root = SigningKey.generate(new SecureRandom());
        hub = TestInstallations.installation(hubDir, Clock.systemUTC()).initialise(new FirstRun("hubadmin", "Hub admin",
                TestInstallations.PASSPHRASE.toCharArray(), "HUB", "Dakar hub office", "SEN", "en"));
        hubSync = SyncComponents.of(hub, new DataDirectory(hubDir));
        try (Workspace ws = TestInstallations.firstRun(dir, Clock.systemUTC())) {
            SyncComponents laptopSync = SyncComponents.of(ws, new DataDirectory(dir));
            TrustBundle bundle = new TrustBundle(TrustBundle.FORMAT, 1, Instant.now().toString(),
                    root.publicKey().keyIdHex(), List.of(), List.of(key(laptopSync, "Kayes laptop", NodeKind.LAPTOP),
                    key(hubSync, "Dakar hub", NodeKind.HUB)), List.of());
            SignedDocument doc = SignedDocument.sign(root, bundle.toJson(), "test bundle");
            laptopSync.trust().pinRoot(ws.actor(), root.publicKey().minisignFile(), Fingerprint.ofRoot(root.publicKey()));
            laptopSync.trust().importBundle(ws.actor(), doc);
            hubSync.trust().pinRoot(hub.actor(), root.publicKey().minisignFile(), Fingerprint.ofRoot(root.publicKey()));
            hubSync.trust().importBundle(hub.actor(), doc);
        }
        context = FxTestSupport.context(dir, "en");
        new AppWindow(context, stage).show();
    }

    static TrustBundle.NodeKey key(SyncComponents s, String name, NodeKind kind) {
        try (DeviceIdentity me = s.deviceKeys().identity()) {
            var pub = me.signingKey().publicKey();
            var age = me.ageIdentities().getFirst().recipient();
            return new TrustBundle.NodeKey(me.nodeId(), name, kind, pub.keyIdHex(), pub.minisignBase64(), age.value(),
                    Fingerprint.ofDevice(pub, age).value());
        }
    }

    @AfterEach
    void close() {
        javafx.application.Platform.runLater(context::close);
        hub.close();
    }

    @Test
    void theAdministratorEnrolsWithTheHubAndSeesWhenTheHubHoldsTheKey(FxRobot robot) {
        waitUntil(() -> robot.lookup("#signIn").tryQuery().isPresent());
        robot.doubleClickOn("#username").eraseText(40).write(TestInstallations.ADMIN);
        robot.clickOn("#passphrase").write(TestInstallations.PASSPHRASE);
        robot.clickOn("#signIn");
        waitUntil(() -> robot.lookup("#personTable").tryQuery().isPresent());
        openThisLaptop(robot);
        waitUntil(() -> text(robot, "#hubRecoveryState").contains("not enrolled"));

        robot.clickOn("#enrolWithHub");
        waitUntil(() -> text(robot, "#deviceStatus").startsWith("Enrolled with the hub Dakar hub."));
        assertThat(text(robot, "#hubRecoveryState")).isEqualTo("This laptop is enrolled for account recovery with the "
                + "hub Dakar hub. The sealed recovery key leaves with the next sync package to the hub; the hub "
                + "confirms in its next package.");

        // a real round trip: the laptop's package to the hub, the hub's package back
        Path toHub = dir.resolve("to-hub");
        List<Path> out = context.sync().export().export(context.workspace().actor(), "Dakar hub", toHub,
                ProgressSink.NONE).packages().stream().map(ExportService.ExportedPackage::file).toList();
        hubSync.imports().importFiles(hub.actor(), out, ProgressSink.NONE);
        assertThat(hubSync.recovery().escrows(hub.actor())).extracting(r -> r.name()).containsExactly("Kayes laptop");
        List<Path> back = hubSync.export().export(hub.actor(), "Kayes laptop", hubDir.resolve("to-laptop"),
                ProgressSink.NONE).packages().stream().map(ExportService.ExportedPackage::file).toList();
        context.sync().imports().importFiles(context.workspace().actor(), back, ProgressSink.NONE);

        assertThat(context.sync().recovery().status(context.workspace().actor()).delivered()).isTrue();
        robot.clickOn("My account");
        robot.clickOn("This laptop");
        waitUntil(() -> text(robot, "#hubRecoveryState").endsWith("The hub has confirmed that it holds this laptop’s "
                + "recovery key."));
    }

    private static void openThisLaptop(FxRobot robot) {
        robot.clickOn("#nav-ADMIN");
        waitUntil(() -> robot.lookup("#adminTabs").tryQuery().isPresent());
        robot.clickOn("This laptop");
        waitUntil(() -> robot.lookup("#enrolWithHub").tryQuery().isPresent());
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> x instanceof org.itinera.desktop.ui.WrappedText w ? w.getText()
                : ((javafx.scene.control.Labeled) x).getText()).orElse("");
    }
}
