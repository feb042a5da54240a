package org.itinera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SecretSeal;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.exchange.ExchangeRepository;
import org.itinera.sync.exchange.ExportService;
import org.itinera.sync.exchange.ImportReport;
import org.itinera.sync.exchange.ImportService;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageReader;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustRepository;
import org.itinera.sync.trust.TrustService;

/**
 * Export and import of a laptop's whole change log to a fresh hub: export time and size per 1,000
 * changes, import/apply rate in changes/s, and as the baseline in the same run a plain batched
 * INSERT of as many 10-column rows into the hub's own encrypted database.
 * Usage: SyncExchangeBench DIR PERSONS [HUBS] [--hub-db HUBDIR [--hub-export PERSONS]] (demo persons generated
 * on the laptop; each makes several changes). With {@code --hub-db} the single hub is an existing installation
 * (e.g. a copy of DemoGenerationBench's 1M-person database, user and passphrase of {@link BenchSupport}) instead of
 * a fresh one; it is migrated on opening. With {@code --hub-export N} that hub then also exports to the laptop: the
 * laptop's acknowledgement vector on the hub is set to everything the hub holds (as if an earlier exchange had
 * delivered it all), the hub generates N new demo persons, and only those new changes are exported and timed.
 */
public final class SyncExchangeBench {
    static final String PASSPHRASE = "correct staple of field laptops";

    /** The sync services of one installation, wired as desktop's SyncComponents does. */
    record Node(Workspace ws, DeviceKeyService keys, TrustService trust, ExportService export, ImportService imports) {
        static Node open(Path dir, String code) {
            Installation inst = new Installation(new DataDirectory(dir), Argon2Parameters.FAST_FOR_TESTS,
                    new ReferenceData(), Clock.systemUTC(), new SecureRandom());
            Workspace ws = inst.isInitialised() ? inst.signIn("sync-" + code, PASSPHRASE.toCharArray())
                    : inst.initialise(new FirstRun("sync-" + code, "Sync " + code, PASSPHRASE.toCharArray(), code,
                    "Office " + code, "SEN", "en"));
            return of(ws, dir);
        }

        /** The sync services over an open workspace (its device keys made if missing). */
        static Node of(Workspace ws, Path dir) {
            SecureRandom random = new SecureRandom();
            TrustRepository repo = new TrustRepository();
            DeviceKeyService keys = new DeviceKeyService(ws.store(), ws.access(), repo,
                    new SecretSeal(ws.sealingKey(DeviceKeyService.SEAL_PURPOSE), random), ws.clock(), random);
            keys.ensureKeys();
            TrustService trust = new TrustService(ws.store(), ws.access(), repo, ws.clock());
            ExchangeRepository exchange = new ExchangeRepository();
            return new Node(ws, keys, trust,
                    new ExportService(ws.store(), ws.access(), exchange, keys, trust, new PackageWriter(PackageLimits.DEFAULT),
                            ws.clock()),
                    new ImportService(ws.store(), ws.access(), exchange, keys, trust,
                            new PackageReader(dir.resolve("sync"), PackageLimits.DEFAULT, ws.clock(), random), ws.clock()));
        }

        TrustBundle.NodeKey key(String name, NodeKind kind) {
            try (DeviceIdentity me = keys.identity()) {
                var pub = me.signingKey().publicKey();
                var age = me.ageIdentities().getFirst().recipient();
                return new TrustBundle.NodeKey(me.nodeId(), name, kind, pub.keyIdHex(), pub.minisignBase64(), age.value(),
                        Fingerprint.ofDevice(pub, age).value());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new java.util.ArrayList<>();
        Path hubDb = null;
        int hubExport = 0;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--hub-db" -> hubDb = Path.of(args[++a]);
                case "--hub-export" -> hubExport = Integer.parseInt(args[++a]);
                default -> positional.add(args[a]);
            }
        }
        Path dir = Path.of(positional.get(0));
        int persons = Integer.parseInt(positional.get(1));
        Files.createDirectories(dir);
        int hubs = hubDb != null ? 1 : positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;
        Node laptop = Node.open(dir.resolve("laptop"), "DKA");
        List<Node> hubList = new java.util.ArrayList<>();
        if (hubDb != null) {
            long o0 = System.nanoTime();
            Workspace ws = BenchSupport.openOrCreate(hubDb);
            long hubPersons = ws.database().withWriter((c, dsl) -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM person")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            BenchSupport.print(String.format(Locale.ROOT,
                    "hub: existing installation %s with %,d persons opened (sign-in, migrations) in %.1f s", hubDb,
                    hubPersons, (System.nanoTime() - o0) / 1e9));
            hubList.add(Node.of(ws, hubDb));
        } else {
            for (int i = 0; i < hubs; i++) {
                hubList.add(Node.open(dir.resolve("hub" + i), "HB" + (char) ('A' + i)));
            }
        }
        try {
            long t = System.nanoTime();
            var summary = laptop.ws().demoData(2026).generate(laptop.ws().actor(), persons, ProgressSink.NONE);
            BenchSupport.print(String.format(Locale.ROOT, "laptop: %,d demo persons, %,d rows written in %.1f s",
                    summary.persons(), summary.rowsWritten(), (System.nanoTime() - t) / 1e9));
            if (hubDb != null) {
                renameClashingOffices(hubList.getFirst().ws(), laptop.ws());
            }
            SigningKey root = SigningKey.generate(new SecureRandom());
            List<TrustBundle.NodeKey> keys = new java.util.ArrayList<>();
            keys.add(laptop.key("laptop", NodeKind.LAPTOP));
            for (int i = 0; i < hubs; i++) {
                keys.add(hubList.get(i).key("hub" + i, NodeKind.HUB));
            }
            TrustBundle bundle = new TrustBundle(TrustBundle.FORMAT, 1, Instant.now().toString(),
                    root.publicKey().keyIdHex(), List.of(), keys, List.of());
            SignedDocument doc = SignedDocument.sign(root, bundle.toJson(), "bench bundle");
            List<Node> all = new java.util.ArrayList<>(hubList);
            all.add(laptop);
            for (Node n : all) {
                n.trust().pinRoot(n.ws().actor(), root.publicKey().minisignFile(), Fingerprint.ofRoot(root.publicKey()));
                n.trust().importBundle(n.ws().actor(), doc);
            }
            for (int i = 0; i < hubs; i++) {
                Path out = dir.resolve("packages" + i);
                long e0 = System.nanoTime();
                ExportService.ExportResult r = laptop.export().export(laptop.ws().actor(), "hub" + i, out,
                        ProgressSink.NONE);
                double exportS = (System.nanoTime() - e0) / 1e9;
                long bytes = r.packages().stream().mapToLong(ExportService.ExportedPackage::bytes).sum();
                BenchSupport.print(String.format(Locale.ROOT,
                        "run %d export: %,d changes in %d packages, %.2f s (%.0f changes/s); %,d bytes = %.1f KB per 1,000 changes",
                        i + 1, r.changes(), r.packages().size(), exportS, r.changes() / exportS, bytes,
                        bytes / 1000.0 / (r.changes() / 1000.0)));
                Node hub = hubList.get(i);
                long i0 = System.nanoTime();
                List<ImportReport> reports = hub.imports().importFiles(hub.ws().actor(),
                        r.packages().stream().map(ExportService.ExportedPackage::file).toList(), ProgressSink.NONE);
                double importS = (System.nanoTime() - i0) / 1e9;
                long applied = reports.stream().mapToLong(ImportReport::applied).sum();
                long rejected = reports.stream().mapToLong(x -> x.rejected().size()).sum();
                double importRate = applied / importS;
                BenchSupport.print(String.format(Locale.ROOT,
                        "run %d import (verify + apply) into %s hub: %,d applied, %,d rejected, %,d waiting in %.2f s = %.0f changes/s",
                        i + 1, hubDb != null ? "the existing" : "a fresh", applied, rejected,
                        reports.stream().mapToLong(ImportReport::waiting).sum(), importS, importRate));
                reports.stream().flatMap(x -> x.rejected().stream()).limit(20).forEach(x -> BenchSupport.print(
                        "  rejected: " + x.table() + " " + x.rowId() + " " + x.reason().key() + " " + x.reason().args()));
                double baseline = baseline(hub.ws(), r.changes());
                BenchSupport.print(String.format(Locale.ROOT,
                        "run %d baseline: plain batched INSERT of %,d 10-column rows into the same hub database: %.0f rows/s; import/baseline = %.2f",
                        i + 1, r.changes(), baseline, importRate / baseline));
            }
            if (hubDb != null && hubExport > 0) {
                exportFromHub(hubList.getFirst(), laptop, hubExport, dir.resolve("packages-from-hub"));
            }
        } finally {
            laptop.ws().close();
            hubList.forEach(h -> h.ws().close());
        }
    }

    /**
     * An installation made before office ids came from codes (ADR 0013) holds the demo offices with other ids, and
     * {@code office.code} is unique: the laptop's offices would be refused and every row under them held back. Such
     * clashing codes are renamed (outside the change log, in the bench's copy only); offices made since then are
     * the same records on both sides and merge.
     */
    static void renameClashingOffices(Workspace hub, Workspace laptop) {
        List<String> codes = laptop.database().withWriter((c, dsl) -> {
            List<String> out = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT code FROM office")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        int renamed = hub.database().withWriter((c, dsl) -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE office SET code = 'HUB-' || code WHERE code = ? AND id <> ?")) {
                for (String code : codes) {
                    ps.setString(1, code);
                    ps.setString(2, org.itinera.core.organisation.Office.idFor(code));
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
        BenchSupport.print(String.format(Locale.ROOT,
                "hub: %d office codes that the laptop's demo data also uses renamed HUB-… (office.code is unique)",
                renamed));
    }

    /**
     * The hub exports to the laptop only changes made after the laptop acknowledged everything the hub held. The
     * acknowledgement is set directly in the hub's peer row (the vector a receipt from the laptop would carry after
     * it had imported the hub's whole log), since shipping the whole 1M-person log to the laptop first would take
     * far longer than the figure asked for.
     */
    static void exportFromHub(Node hub, Node laptop, int persons, Path out) {
        String laptopId = laptop.ws().store().read(dsl -> new ExchangeRepository().self(dsl).nodeId());
        int updated = hub.ws().database().withWriter((c, dsl) -> {
            com.fasterxml.jackson.databind.node.ObjectNode v =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            int laptopNo = -1;
            try (Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT node_no, node_id, is_self, max_counter, applied_prefix FROM node")) {
                while (rs.next()) {
                    if (rs.getString(2).equalsIgnoreCase(laptopId)) {
                        laptopNo = rs.getInt(1);
                    }
                    v.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getBoolean(3) ? rs.getLong(4) : rs.getLong(5));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE peer SET ack_vector = ? WHERE node_no = ?")) {
                ps.setString(1, v.toString());
                ps.setInt(2, laptopNo);
                return ps.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("the hub has no peer row for the laptop");
        }
        long t = System.nanoTime();
        var summary = hub.ws().demoData(4242).generate(hub.ws().actor(), persons, ProgressSink.NONE);
        BenchSupport.print(String.format(Locale.ROOT,
                "hub: %,d new demo persons, %,d rows written in %.1f s (after the laptop acknowledged everything older)",
                summary.persons(), summary.rowsWritten(), (System.nanoTime() - t) / 1e9));
        for (int run = 1; run <= 2; run++) { // the second writes the same changes again (no receipt came back)
            long e0 = System.nanoTime();
            ExportService.ExportResult r = hub.export().export(hub.ws().actor(), "laptop", out.resolve("run" + run),
                    ProgressSink.NONE);
            double exportS = (System.nanoTime() - e0) / 1e9;
            long bytes = r.packages().stream().mapToLong(ExportService.ExportedPackage::bytes).sum();
            BenchSupport.print(String.format(Locale.ROOT,
                    "hub export %d to laptop: %,d changes in %d packages, %.2f s (%.0f changes/s); %,d bytes = %.1f KB per 1,000 changes",
                    run, r.changes(), r.packages().size(), exportS, r.changes() / exportS, bytes,
                    bytes / 1000.0 / (r.changes() / 1000.0)));
        }
    }

    static double baseline(Workspace ws, long rows) {
        return ws.database().withWriter((c, dsl) -> {
            double rate = BenchSupport.batchedInsertRowsPerSecond(c, "bench_baseline", rows, Long.MAX_VALUE);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE bench_baseline");
            }
            c.commit();
            c.setAutoCommit(true);
            return rate;
        });
    }
}
