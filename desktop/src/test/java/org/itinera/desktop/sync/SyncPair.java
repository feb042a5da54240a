package org.itinera.desktop.sync;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.SyncComponents;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.exchange.ExportService;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;

/**
 * Two installations that trust each other: "here" (the usual test installation: admin, office
 * DKR) and a second laptop "Laptop B" (office DKB), both with their sync components.
 */
final class SyncPair implements AutoCloseable {
    final Workspace here;
    final SyncComponents hereSync;
    final Workspace other;
    final SyncComponents otherSync;

    SyncPair(Path hereDir, Path otherDir) {
        here = TestInstallations.firstRun(hereDir, Clock.systemUTC());
        hereSync = SyncComponents.of(here, new DataDirectory(hereDir));
        other = TestInstallations.installation(otherDir, Clock.systemUTC()).initialise(new FirstRun("laptopb",
                "Laptop B user", TestInstallations.PASSPHRASE.toCharArray(), "DKB", "Dakar B", "SEN", "en"));
        otherSync = SyncComponents.of(other, new DataDirectory(otherDir));
        SigningKey root = SigningKey.generate(new SecureRandom());
        TrustBundle bundle = new TrustBundle(TrustBundle.FORMAT, 1, Instant.now().toString(), root.publicKey().keyIdHex(),
                List.of(), List.of(key(hereSync, "Dakar hub", NodeKind.HUB), key(otherSync, "Laptop B", NodeKind.LAPTOP)),
                List.of());
        SignedDocument doc = SignedDocument.sign(root, bundle.toJson(), "test bundle");
        for (Workspace ws : List.of(here, other)) {
            SyncComponents s = ws == here ? hereSync : otherSync;
            s.trust().pinRoot(ws.actor(), root.publicKey().minisignFile(), Fingerprint.ofRoot(root.publicKey()));
            s.trust().importBundle(ws.actor(), doc);
        }
    }

    static TrustBundle.NodeKey key(SyncComponents s, String name, NodeKind kind) {
        try (DeviceIdentity me = s.deviceKeys().identity()) {
            var pub = me.signingKey().publicKey();
            var age = me.ageIdentities().getFirst().recipient();
            return new TrustBundle.NodeKey(me.nodeId(), name, kind, pub.keyIdHex(), pub.minisignBase64(), age.value(),
                    Fingerprint.ofDevice(pub, age).value());
        }
    }

    static Person person(Workspace ws, String given, String family) {
        return ws.persons().create(ws.actor(), new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.exact(LocalDate.of(1991, 5, 6)), "SEN", null, null, null, null));
    }

    /** Laptop B writes its packages for "here" into {@code folder}. */
    List<Path> otherToHere(Path folder) {
        return otherSync.export().export(other.actor(), "Dakar hub", folder, ProgressSink.NONE).packages().stream()
                .map(ExportService.ExportedPackage::file).toList();
    }

    /** "here" writes its packages for laptop B and laptop B imports them. */
    void hereToOther(Path folder) {
        List<Path> files = hereSync.export().export(here.actor(), "Laptop B", folder, ProgressSink.NONE).packages()
                .stream().map(ExportService.ExportedPackage::file).toList();
        otherSync.imports().importFiles(other.actor(), files, ProgressSink.NONE);
    }

    @Override
    public void close() {
        here.close();
        other.close();
    }
}
