package org.itinera.sync.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.Dot;
import org.itinera.core.store.Store;
import org.itinera.core.task.ProgressSink;
import org.itinera.schema.SchemaVersion;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.exchange.ExchangeRepository.NodeRow;
import org.itinera.sync.exchange.ExchangeRepository.StoredChange;
import org.itinera.sync.pkg.Attachment;
import org.itinera.sync.pkg.Manifest;
import org.itinera.sync.pkg.OutgoingPackage;
import org.itinera.sync.pkg.PackageStart;
import org.itinera.sync.pkg.PackageSummary;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.pkg.RecoveryEntries;
import org.itinera.sync.pkg.WrittenPackage;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustService;
import org.itinera.sync.trust.TrustSnapshot;

/**
 * Writes packages for one peer: every change the peer has not acknowledged (from the last ack
 * vector it sent), attachments included, split by the writer's size limit. Always writes at least
 * one package, so the peer gets this node's receipt (ack vector) and trust bundle even when there
 * is nothing new.
 */
public final class ExportService {
    /** Blobs larger than this travel as package attachments rather than inside the line. */
    static final int INLINE_BLOB_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final AccessPolicy access;
    private final ExchangeRepository repository;
    private final DeviceKeyService deviceKeys;
    private final TrustService trust;
    private final PackageWriter writer;
    private final Clock clock;
    private final java.util.function.Function<String, RecoveryEntries> recovery;

    public ExportService(Store store, AccessPolicy access, ExchangeRepository repository, DeviceKeyService deviceKeys,
                         TrustService trust, PackageWriter writer, Clock clock) {
        this.recovery = to -> RecoveryEntries.NONE;
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.deviceKeys = deviceKeys;
        this.trust = trust;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * With account recovery: {@code recovery} gives the recovery entries for a destination node
     * (escrow, reset tokens, receipt: {@code RecoveryExchangeService.outgoing}); the first package
     * of each export carries them.
     */
    public ExportService(Store store, AccessPolicy access, ExchangeRepository repository, DeviceKeyService deviceKeys,
                         TrustService trust, PackageWriter writer, Clock clock,
                         java.util.function.Function<String, RecoveryEntries> recovery) {
        this.recovery = recovery;
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.deviceKeys = deviceKeys;
        this.trust = trust;
        this.writer = writer;
        this.clock = clock;
    }

    /** One written package: its file, sequence number, and how many changes of which tables it holds. */
    public record ExportedPackage(Path file, String packageId, long pkgSeq, long changes, long attachments,
                                  Map<String, Long> countsPerTable, long bytes) {
    }

    /** What an export wrote for a peer. */
    public record ExportResult(String peerNodeId, String peerName, List<ExportedPackage> packages) {
        public long changes() {
            return packages.stream().mapToLong(ExportedPackage::changes).sum();
        }
    }

    /** The peers this node can write packages for (nodes of the trust bundle other than itself). */
    public List<TrustBundle.NodeKey> exportablePeers(Actor actor) {
        access.require(actor, Permission.SYNC_EXCHANGE);
        String self = store.read(dsl -> repository.self(dsl).nodeId());
        Map<String, TrustBundle.NodeKey> byNode = new java.util.LinkedHashMap<>();
        trust.snapshot().bundle().ifPresent(b -> b.nodes().stream().filter(n -> !n.nodeId().equals(self))
                .filter(n -> !b.recipientsFor(n.nodeId()).isEmpty()).forEach(n -> byNode.putIfAbsent(n.nodeId(), n)));
        return List.copyOf(byNode.values());
    }

    /**
     * Writes the packages for {@code peer} (its node id, or its name in the trust bundle) into
     * {@code outDir}. Cancelling removes the packages of this run.
     */
    public ExportResult export(Actor actor, String peer, Path outDir, ProgressSink progress) {
        access.require(actor, Permission.SYNC_EXCHANGE);
        TrustSnapshot snapshot = trust.snapshot();
        TrustBundle bundle = snapshot.bundle()
                .orElseThrow(() -> new SyncException(UserMessage.of("sync.export.noTrustBundle"), null));
        TrustBundle.NodeKey to = bundle.nodes().stream()
                .filter(n -> n.nodeId().equals(peer) || n.name().equalsIgnoreCase(peer.trim()))
                .findFirst().orElseThrow(() -> new SyncException(UserMessage.of("sync.export.unknownPeer", peer), null));
        List<AgeRecipient> recipients = bundle.recipientsFor(to.nodeId());
        if (recipients.isEmpty()) {
            throw new SyncException(UserMessage.of("sync.export.peerNotTrusted", to.name()), null);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("sync.export.cannotWrite", outDir.toString()), e);
        }
        State state = store.read(dsl -> {
            List<NodeRow> nodes = repository.nodes(dsl);
            NodeRow self = nodes.stream().filter(NodeRow::self).findFirst().orElseThrow();
            Optional<NodeRow> peerRow = nodes.stream().filter(n -> n.nodeId().equals(to.nodeId())).findFirst();
            Optional<ExchangeRepository.PeerRow> p = peerRow.flatMap(n -> repository.peer(dsl, n.nodeNo()));
            return new State(nodes, self, p, repository.auditHead(dsl));
        });
        if (state.self.nodeId().equals(to.nodeId())) {
            throw new SyncException(UserMessage.of("sync.export.toSelf"), null);
        }
        Map<String, Long> ack = parseVector(state.peer.map(ExchangeRepository.PeerRow::ackVector).orElse("{}"));
        Map<Integer, String> uuidOf = new HashMap<>();
        Map<Integer, Long> from = new HashMap<>();
        Map<String, Long> myVector = new TreeMap<>();
        for (NodeRow n : state.nodes) {
            uuidOf.put(n.nodeNo(), n.nodeId());
            myVector.put(n.nodeId(), n.self() ? n.maxCounter() : n.appliedPrefix());
            if (!n.nodeId().equals(to.nodeId())) {
                from.put(n.nodeNo(), ack.getOrDefault(n.nodeId(), 0L));
            }
        }
        long total = store.read(dsl -> repository.countAbove(dsl, from));
        Run run = new Run(outDir, to.nodeId(), recipients, state, myVector, total, progress);
        run.recovery = recovery.apply(to.nodeId());
        try (DeviceIdentity me = deviceKeys.identity()) {
            run.me = me;
            run.open(state.peer.map(ExchangeRepository.PeerRow::lastSentSeq).orElse(0L) + 1,
                    state.peer.map(ExchangeRepository.PeerRow::lastSentSha256).filter(s -> s != null && !s.isEmpty())
                            .orElse(Manifest.NO_PREVIOUS));
            store.read(dsl -> repository.withRowReader(dsl, rows -> {
                repository.changesAbove(dsl, from, c -> run.add(line(c, uuidOf, rows)));
                return null;
            }));
            run.finish();
        } catch (RuntimeException e) {
            run.abandon();
            throw e;
        }
        String at = clock.instant().toString();
        long changes = run.written.stream().mapToLong(ExportedPackage::changes).sum();
        store.write(actor, AuditEvent.ok("SYNC_EXPORT", "node", to.nodeId(),
                run.written.size() + " packages, " + changes + " changes"), tx -> {
            int peerNo = repository.nodeNo(tx, to.nodeId(), to.name(), to.kind().name());
            for (int i = 0; i < run.written.size(); i++) {
                ExportedPackage p = run.written.get(i);
                WrittenPackage w = run.files.get(i);
                repository.insertExported(tx, p.packageId(), to.nodeId(), p.pkgSeq(), w.fileSha256(), at,
                        p.file().getFileName().toString(), coversJson(w.manifest().covers()), p.changes());
                repository.recordSent(tx, peerNo, p.packageId(), p.pkgSeq(), at, w.manifestSha256());
            }
            return null;
        });
        return new ExportResult(to.nodeId(), to.name(), List.copyOf(run.written));
    }

    private record State(List<NodeRow> nodes, NodeRow self, Optional<ExchangeRepository.PeerRow> peer, String auditHead) {
    }

    private record Line(ChangeLine line, List<Attachment> attachments) {
    }

    /** The packages of one export, opened one after the other as each fills up. */
    private final class Run {
        final Path outDir;
        final String to;
        final List<AgeRecipient> recipients;
        final State state;
        final Map<String, Long> myVector;
        final long total;
        final ProgressSink progress;
        final List<ExportedPackage> written = new ArrayList<>();
        final List<WrittenPackage> files = new ArrayList<>();
        DeviceIdentity me;
        OutgoingPackage current;
        PackageStart start;
        Map<String, Long> counts = new TreeMap<>();
        Map<String, long[]> covers = new TreeMap<>();
        long attachments;
        long done;
        RecoveryEntries recovery = RecoveryEntries.NONE;

        Run(Path outDir, String to, List<AgeRecipient> recipients, State state, Map<String, Long> myVector, long total,
            ProgressSink progress) {
            this.outDir = outDir;
            this.to = to;
            this.recipients = recipients;
            this.state = state;
            this.myVector = myVector;
            this.total = total;
            this.progress = progress;
        }

        void open(long seq, String prev) {
            Manifest.Sender from = new Manifest.Sender(me.nodeId(), me.fingerprint().value(), me.incarnation());
            long hlc = Math.max(clock.millis() << 16, state.self.lastHlc());
            start = new PackageStart(store.ids().next(), from, to, seq, prev, SchemaVersion.LATEST, hlc);
            current = writer.open(outDir, start, recipients, me.signingKey());
            counts = new TreeMap<>();
            covers = new TreeMap<>();
            attachments = 0;
        }

        void add(Line l) {
            if (l == null) {
                return;
            }
            if (progress.isCancelled()) {
                throw new CancellationException("cancelled by the user");
            }
            byte[] bytes = l.line().toJson();
            if (!current.append(bytes, l.attachments())) {
                finishCurrent();
                open(start.pkgSeq() + 1, files.getLast().manifestSha256());
                current.append(bytes, l.attachments());
            }
            attachments += l.attachments().size();
            counts.merge(l.line().table(), 1L, Long::sum);
            covers.compute(l.line().origin(), (k, r) -> r == null ? new long[] {l.line().counter(), l.line().counter()}
                    : new long[] {Math.min(r[0], l.line().counter()), Math.max(r[1], l.line().counter())});
            done++;
            if (done % 1000 == 0) {
                progress.report(done, total);
            }
        }

        void finishCurrent() {
            Map<String, Manifest.CounterRange> c = new TreeMap<>();
            covers.forEach((k, r) -> c.put(k, new Manifest.CounterRange(r[0], r[1])));
            WrittenPackage w = current.finish(new PackageSummary(myVector, c, counts, state.auditHead,
                    trust.currentBundleDocument(), deviceKeys.pendingRotation(trust.snapshot()),
                    files.isEmpty() ? recovery : RecoveryEntries.NONE));
            current.close();
            current = null;
            files.add(w);
            written.add(new ExportedPackage(w.file(), w.manifest().packageId(), start.pkgSeq(),
                    counts.values().stream().mapToLong(Long::longValue).sum(), attachments, Map.copyOf(counts),
                    w.fileBytes()));
        }

        void finish() {
            finishCurrent();
            progress.report(done, total);
        }

        void abandon() {
            if (current != null) {
                current.close();
            }
            for (WrittenPackage w : files) {
                try {
                    Files.deleteIfExists(w.file());
                } catch (IOException ignored) {
                    // best effort: a leftover package is harmless (a replay is "already imported")
                }
            }
            files.clear();
            written.clear();
        }
    }

    /** The line for one stored change; null for an INSERT whose row is gone (cannot happen: rows are tombstoned). */
    private Line line(StoredChange c, Map<Integer, String> uuidOf, ExchangeRepository.RowReader rows) {
        ExchangeRepository.TableInfo table = repository.table(c.table()).orElse(null);
        ObjectNode cols = JsonNodeFactory.instance.objectNode();
        List<Attachment> atts = new ArrayList<>();
        if (c.payload() == null) {
            Optional<Map<String, Object>> row = rows.row(c.table(), c.rowId());
            if (row.isEmpty()) {
                return null;
            }
            row.get().forEach((k, v) -> cols.set(k, value(v, atts)));
        } else {
            try {
                JsonNode p = JSON.readTree(c.payload());
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ExchangeRepository.ColumnInfo f = table == null ? null : table.dataColumns().get(e.getKey());
                    if (f != null && f.type() == byte[].class && e.getValue().isTextual()
                            && e.getValue().asText().length() > INLINE_BLOB_BYTES * 4 / 3) {
                        cols.set(e.getKey(), value(Base64.getDecoder().decode(e.getValue().asText()), atts));
                    } else {
                        cols.set(e.getKey(), e.getValue());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable change record " + c.nodeNo() + ":" + c.counter(), e);
            }
        }
        Context ctx = Context.parse(c.context());
        Map<String, Long> v = new TreeMap<>();
        ctx.vector().forEach((n, x) -> {
            String u = uuidOf.get(n);
            if (u != null && x > 0) {
                v.put(u, x);
            }
        });
        List<ChangeLine.RemoteDot> dots = new ArrayList<>();
        for (Dot d : ctx.dots()) {
            String u = uuidOf.get(d.node());
            if (u != null) {
                dots.add(new ChangeLine.RemoteDot(u, d.counter()));
            }
        }
        String op = "DELETE".equals(c.op()) ? "UPDATE" : c.op();
        return new Line(new ChangeLine(uuidOf.get(c.nodeNo()), c.counter(), c.table(), c.rowId(), op, c.hlc(), c.user(),
                c.tx(), v, dots, cols), atts);
    }

    private static JsonNode value(Object v, List<Attachment> atts) {
        if (v instanceof byte[] bytes && bytes.length > INLINE_BLOB_BYTES) {
            String sha = sha256(bytes);
            atts.add(new Attachment(sha, bytes.length, () -> new ByteArrayInputStream(bytes)));
            ObjectNode ref = JsonNodeFactory.instance.objectNode();
            ref.put("att", sha);
            return ref;
        }
        return ChangeApplier.jsonNode(v);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> parseVector(String json) {
        Map<String, Long> out = new TreeMap<>();
        try {
            JsonNode n = JSON.readTree(json == null ? "{}" : json);
            n.fields().forEachRemaining(e -> out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asLong()));
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static String vectorJson(Map<String, Long> v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(v).forEach(o::put);
        return o.toString();
    }

    private static String coversJson(Map<String, Manifest.CounterRange> covers) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(covers).forEach((k, r) -> o.putObject(k).put("from", r.from()).put("to", r.to()));
        return o.toString();
    }
}
