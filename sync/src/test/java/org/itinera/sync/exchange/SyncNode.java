package org.itinera.sync.exchange;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.SyncedTables;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SecretSeal;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageReader;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustRepository;
import org.itinera.sync.trust.TrustService;

/**
 * One installation in its own data directory with the sync services wired as the application
 * wires them (desktop's SyncComponents), for tests with several nodes.
 */
final class SyncNode implements AutoCloseable {
    static final ReferenceData REFERENCE = new ReferenceData();
    static final String PASSPHRASE = "correct staple of field laptops";

    final String name;
    final Path dir;
    final Workspace ws;
    final DeviceKeyService keys;
    final TrustService trust;
    final ExportService export;
    final ImportService imports;
    final ConflictService conflicts;
    final PeerService peers;
    final org.itinera.sync.recovery.RecoveryExchangeService recovery;

    private SyncNode(String name, Path dir, Workspace ws, PackageLimits limits) {
        this.name = name;
        this.dir = dir;
        this.ws = ws;
        SecureRandom random = new SecureRandom();
        TrustRepository repository = new TrustRepository();
        SecretSeal seal = new SecretSeal(ws.sealingKey(DeviceKeyService.SEAL_PURPOSE), random);
        keys = new DeviceKeyService(ws.store(), ws.access(), repository, seal, ws.clock(), random);
        keys.ensureKeys();
        trust = new TrustService(ws.store(), ws.access(), repository, ws.clock());
        ExchangeRepository exchange = new ExchangeRepository();
        recovery = new org.itinera.sync.recovery.RecoveryExchangeService(ws.store(),
                new org.itinera.sync.recovery.RecoveryMailRepository(), ws.access(), ws.recovery(), keys,
                trust, Argon2Parameters.FAST_FOR_TESTS, random, ws.clock());
        export = new ExportService(ws.store(), ws.access(), exchange, keys, trust, new PackageWriter(limits), ws.clock(),
                recovery::outgoing);
        imports = new ImportService(ws.store(), ws.access(), exchange, keys, trust,
                new PackageReader(dir.resolve("sync"), limits, ws.clock(), random), ws.clock(), recovery);
        conflicts = new ConflictService(ws.store(), ws.access(), exchange);
        peers = new PeerService(ws.store(), ws.access(), exchange, trust);
    }

    /** A first run as "admin-&lt;code&gt;" for office &lt;code&gt; (Senegal). */
    static SyncNode create(String name, String officeCode, Path dir, Clock clock, PackageLimits limits) {
        Installation inst = new Installation(new DataDirectory(dir), Argon2Parameters.FAST_FOR_TESTS, REFERENCE, clock,
                new SecureRandom());
        Workspace ws = inst.initialise(new FirstRun("admin-" + officeCode.toLowerCase(java.util.Locale.ROOT),
                "Admin " + officeCode, PASSPHRASE.toCharArray(), officeCode, "Office " + officeCode, "SEN", "en"));
        return new SyncNode(name, dir, ws, limits);
    }

    /** A first run as {@code admin} for a new office {@code officeCode} named {@code officeName} (Senegal). */
    static SyncNode create(String name, String admin, String officeCode, String officeName, Path dir, Clock clock) {
        Installation inst = new Installation(new DataDirectory(dir), Argon2Parameters.FAST_FOR_TESTS, REFERENCE, clock,
                new SecureRandom());
        Workspace ws = inst.initialise(new FirstRun(admin, "Admin " + name, PASSPHRASE.toCharArray(), officeCode,
                officeName, "SEN", "en"));
        return new SyncNode(name, dir, ws, PackageLimits.DEFAULT);
    }

    /** Signs in to an installation made by {@link #create} (e.g. a copy of one). */
    static SyncNode open(String name, String officeCode, Path dir, Clock clock, PackageLimits limits) {
        Installation inst = new Installation(new DataDirectory(dir), Argon2Parameters.FAST_FOR_TESTS, REFERENCE, clock,
                new SecureRandom());
        Workspace ws = inst.signIn("admin-" + officeCode.toLowerCase(java.util.Locale.ROOT), PASSPHRASE.toCharArray());
        return new SyncNode(name, dir, ws, limits);
    }

    String nodeId() {
        try (DeviceIdentity me = keys.identity()) {
            return me.nodeId();
        }
    }

    TrustBundle.NodeKey nodeKey(NodeKind kind) {
        try (DeviceIdentity me = keys.identity()) {
            var pub = me.signingKey().publicKey();
            var age = me.ageIdentities().getFirst().recipient();
            return new TrustBundle.NodeKey(me.nodeId(), name, kind, pub.keyIdHex(), pub.minisignBase64(), age.value(),
                    Fingerprint.ofDevice(pub, age).value());
        }
    }

    void trustRoot(SyncFixtures.Root root) {
        trust.pinRoot(ws.actor(), root.key().publicKey().minisignFile(), Fingerprint.ofRoot(root.key().publicKey()));
    }

    static SignedDocument bundle(SyncFixtures.Root root, long serial, List<TrustBundle.NodeKey> nodes,
                                 List<TrustBundle.NodeKey> revoked) {
        List<TrustBundle.Revocation> rev = new ArrayList<>();
        for (TrustBundle.NodeKey n : revoked) {
            rev.add(new TrustBundle.Revocation(n.keyId(), n.fingerprint(), n.nodeId(), java.time.Instant.now().toString(),
                    "lost"));
        }
        TrustBundle b = new TrustBundle(TrustBundle.FORMAT, serial, java.time.Instant.now().toString(),
                root.key().publicKey().keyIdHex(), List.of(), nodes, rev);
        return SignedDocument.sign(root.key(), b.toJson(), "test bundle " + serial);
    }

    /** One bundle naming every node (the hub is the one of kind HUB), pinned and imported everywhere. */
    static void trustEachOther(SyncFixtures.Root root, SyncNode hub, List<SyncNode> laptops) {
        List<TrustBundle.NodeKey> keys = new ArrayList<>();
        laptops.forEach(l -> keys.add(l.nodeKey(NodeKind.LAPTOP)));
        keys.add(hub.nodeKey(NodeKind.HUB));
        SignedDocument bundle = bundle(root, 1, keys, List.of());
        List<SyncNode> all = new ArrayList<>(laptops);
        all.add(hub);
        for (SyncNode n : all) {
            n.trustRoot(root);
            n.trust.importBundle(n.ws.actor(), bundle);
        }
    }

    /** Exports what {@code to} lacks onto a new stick under {@code sticks} and imports it there; all must apply. */
    static List<ImportReport> carry(SyncNode from, SyncNode to, Path stick) {
        List<Path> files = from.export.export(from.ws.actor(), to.name, stick, ProgressSink.NONE).packages().stream()
                .map(ExportService.ExportedPackage::file).toList();
        List<ImportReport> reports = to.imports.importFiles(to.ws.actor(), files, ProgressSink.NONE);
        org.assertj.core.api.Assertions.assertThat(reports)
                .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(ImportReport.Status.APPLIED));
        return reports;
    }

    /** Every synced row's data columns, by table and id: what must be equal on every node. */
    Map<String, String> data() {
        Map<String, String> out = new TreeMap<>();
        Set<String> names = new TreeSet<>(new SyncedTables().all().keySet());
        ws.store().read(dsl -> dsl.connectionResult(c -> {
            for (String t : names) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            if (!col.startsWith("sync_")) {
                                Object v = rs.getObject(i);
                                row.append(col).append('=').append(v instanceof byte[] b ? java.util.HexFormat.of()
                                        .formatHex(b) : v).append(';');
                            }
                        }
                        out.put(t + "/" + rs.getString("id"), row.toString());
                    }
                }
            }
            return null;
        }));
        return out;
    }

    /** Open conflicts as table/row/column with the node ids and counters of their values. */
    Set<String> openConflicts() {
        Set<String> out = new TreeSet<>();
        ws.store().read(dsl -> dsl.connectionResult(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT k.tbl, k.row_id, k.col, group_concat(n.node_id || ':' || v.counter, ',') FROM sync_conflict k "
                            + "JOIN (SELECT * FROM sync_conflict_value ORDER BY node_no, counter) v ON v.conflict_id = k.id "
                            + "JOIN node n ON n.node_no = v.node_no WHERE k.status = 'OPEN' GROUP BY k.id")) {
                while (rs.next()) {
                    List<String> dots = new ArrayList<>(List.of(rs.getString(4).split(",")));
                    java.util.Collections.sort(dots);
                    out.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + " " + dots);
                }
            }
            return null;
        }));
        return out;
    }

    long changeCount() {
        return ws.store().read(dsl -> dsl.fetchCount(dsl.selectOne().from("change_log")));
    }

    @Override
    public void close() {
        ws.close();
    }
}
