package org.itinera.sync.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.itinera.core.store.IdGenerator;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.pkg.Attachment;
import org.itinera.sync.pkg.Manifest;
import org.itinera.sync.pkg.OutgoingPackage;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageStart;
import org.itinera.sync.pkg.PackageSummary;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.pkg.WrittenPackage;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustSnapshot;

/** Nodes with real keys, a root that signs bundles, and packages written between them: no database needed. */
public final class SyncFixtures {
    public static final SecureRandom RANDOM = new SecureRandom();
    private static final IdGenerator IDS = new IdGenerator(java.time.Clock.systemUTC(), RANDOM);

    private SyncFixtures() {
    }

    /** A node's identity and keys. */
    public record TestNode(String nodeId, String name, NodeKind kind, SigningKey sign, AgeIdentity age) {
        public static TestNode create(String name, NodeKind kind) {
            return new TestNode(IDS.next(), name, kind, SigningKey.generate(RANDOM), AgeIdentity.generate());
        }

        public Fingerprint fingerprint() {
            return Fingerprint.ofDevice(sign.publicKey(), age.recipient());
        }

        public TrustBundle.NodeKey nodeKey() {
            return new TrustBundle.NodeKey(nodeId, name, kind, sign.publicKey().keyIdHex(), sign.publicKey().minisignBase64(),
                    age.recipient().value(), fingerprint().value());
        }

        /** Same node, new keys (as after a rotation). */
        public TestNode rotated() {
            return new TestNode(nodeId, name, kind, SigningKey.generate(RANDOM), AgeIdentity.generate());
        }

        public DeviceIdentity identity() {
            return new DeviceIdentity(nodeId, name, kind, 1, 1, new SigningKey(sign.seed(), sign.publicKey().keyId()),
                    List.of(AgeIdentity.of(age.encoded())), fingerprint());
        }

        public Manifest.Sender sender() {
            return new Manifest.Sender(nodeId, fingerprint().value(), 1);
        }
    }

    /** An organisation root and the bundles it signs. */
    public record Root(SigningKey key) {
        public static Root create() {
            return new Root(SigningKey.generate(RANDOM));
        }

        public SignedDocument bundle(long serial, List<TestNode> enrolled, List<TestNode> revoked) {
            List<TrustBundle.Revocation> rev = new ArrayList<>();
            for (TestNode n : revoked) {
                rev.add(new TrustBundle.Revocation(n.sign().publicKey().keyIdHex(), n.fingerprint().value(), n.nodeId(),
                        Instant.now().toString(), "lost"));
            }
            TrustBundle b = new TrustBundle(TrustBundle.FORMAT, serial, Instant.now().toString(),
                    key.publicKey().keyIdHex(), List.of(), enrolled.stream().map(TestNode::nodeKey).toList(), rev);
            return SignedDocument.sign(key, b.toJson(), "test bundle " + serial);
        }

        public TrustSnapshot snapshot(long serial, List<TestNode> enrolled, List<TestNode> revoked) {
            return new TrustSnapshot(Optional.of(key.publicKey()),
                    TrustBundle.open(bundle(serial, enrolled, revoked), key.publicKey()));
        }

        public TrustSnapshot snapshot(TestNode... enrolled) {
            return snapshot(1, List.of(enrolled), List.of());
        }
    }

    public static PackageStart start(TestNode from, TestNode to, long seq) {
        return new PackageStart(IDS.next(), from.sender(), to.nodeId(), seq, Manifest.NO_PREVIOUS, 1,
                System.currentTimeMillis() << 16);
    }

    /** A plausible person change line of about 300 bytes. */
    public static String personChange(TestNode origin, long counter) {
        return "{\"dot\":[\"" + origin.nodeId() + "\"," + counter + "],\"tbl\":\"person\",\"id\":\"" + UUID.randomUUID()
                + "\",\"op\":\"UPDATE\",\"hlc\":" + (System.currentTimeMillis() << 16) + ",\"ctx\":{\"v\":{\""
                + origin.nodeId() + "\":" + (counter - 1) + "}},\"cols\":{\"given_name\":\"Aminata " + counter
                + "\",\"family_name\":\"Diallo\",\"phone\":\"+221 77 " + (1000000 + counter % 9000000) + "\"},"
                + "\"user\":\"" + UUID.randomUUID() + "\"}";
    }

    public static PackageSummary summary(TestNode origin, long lines, long firstCounter) {
        Map<String, Long> counts = new TreeMap<>();
        if (lines > 0) {
            counts.put("person", lines);
        }
        Map<String, Manifest.CounterRange> covers = lines == 0 ? Map.of()
                : Map.of(origin.nodeId(), new Manifest.CounterRange(firstCounter, firstCounter + lines - 1));
        return new PackageSummary(Map.of(origin.nodeId(), firstCounter + lines - 1), covers, counts, "a".repeat(64),
                Optional.empty(), Optional.empty());
    }

    /** Writes one package of {@code lines} person changes (and the given attachments on the first line). */
    public static WrittenPackage write(Path dir, TestNode from, TestNode to, int lines, List<Attachment> attachments) {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        try (OutgoingPackage p = writer.open(dir, start(from, to, 1), List.of(to.age().recipient()), from.sign())) {
            for (int i = 1; i <= lines; i++) {
                byte[] line = personChange(from, i).getBytes(StandardCharsets.UTF_8);
                if (!p.append(line, i == 1 ? attachments : List.of())) {
                    throw new IllegalStateException("fixture package full");
                }
            }
            return p.finish(summary(from, lines, 1));
        }
    }
}
