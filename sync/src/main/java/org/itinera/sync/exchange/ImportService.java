package org.itinera.sync.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.Store;
import org.itinera.core.store.WriteTx;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.SyncException;
import org.itinera.sync.exchange.ExchangeRepository.NodeRow;
import org.itinera.sync.pkg.Manifest;
import org.itinera.sync.pkg.PackageReader;
import org.itinera.sync.pkg.ReadOutcome;
import org.itinera.sync.pkg.RecoveryEntries;
import org.itinera.sync.pkg.VerifiedPackage;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustService;
import org.itinera.sync.trust.TrustSnapshot;

/**
 * Imports packages: each file is verified by the package reader, then applied in one transaction
 * (all of it or nothing), recorded by package id so a replay is "already imported", and answered
 * with a receipt (this node's ack vector travels back in its next package). Files may come in any
 * order and from many nodes.
 */
public final class ImportService {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Attachments are read into memory to be stored as blobs; the package reader caps them anyway. */
    private static final int MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

    private final Store store;
    private final AccessPolicy access;
    private final ExchangeRepository repository;
    private final DeviceKeyService deviceKeys;
    private final TrustService trust;
    private final PackageReader reader;
    private final Clock clock;
    private final RecoveryMail recovery;

    /**
     * Where the recovery entries of an imported package go ({@code RecoveryExchangeService}):
     * {@link #onImport} inside the import's transaction (escrows, receipts), {@link #receiveTokens}
     * after it commits (reset tokens go to the keyring, not the database). Each returns the
     * message of every entry it refused.
     */
    public interface RecoveryMail {
        RecoveryMail NONE = new RecoveryMail() {
            @Override
            public List<UserMessage> onImport(WriteTx tx, String fromNode, RecoveryEntries entries) {
                return entries.isEmpty() ? List.of() : List.of(UserMessage.of("sync.rejected.recoveryUnsupported"));
            }

            @Override
            public List<UserMessage> receiveTokens(Actor actor, List<byte[]> tokens) {
                return List.of();
            }
        };

        List<UserMessage> onImport(WriteTx tx, String fromNode, RecoveryEntries entries);

        List<UserMessage> receiveTokens(Actor actor, List<byte[]> tokens);
    }

    public ImportService(Store store, AccessPolicy access, ExchangeRepository repository, DeviceKeyService deviceKeys,
                         TrustService trust, PackageReader reader, Clock clock) {
        this.recovery = RecoveryMail.NONE;
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.deviceKeys = deviceKeys;
        this.trust = trust;
        this.reader = reader;
        this.clock = clock;
    }

    public ImportService(Store store, AccessPolicy access, ExchangeRepository repository, DeviceKeyService deviceKeys,
                         TrustService trust, PackageReader reader, Clock clock, RecoveryMail recovery) {
        this.recovery = recovery;
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.deviceKeys = deviceKeys;
        this.trust = trust;
        this.reader = reader;
        this.clock = clock;
    }

    /** Imports files and folders (every {@code .itp} inside, sorted by name), one report per file. */
    public List<ImportReport> importFiles(Actor actor, List<Path> paths, ProgressSink progress) {
        access.require(actor, Permission.SYNC_EXCHANGE);
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".itp") && Files.isRegularFile(f)).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new SyncException(UserMessage.of("sync.import.cannotList", p.toString()), e);
                }
            } else {
                files.add(p);
            }
        }
        List<ImportReport> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            reports.add(importOne(actor, files.get(i)));
            progress.report(i + 1, files.size());
        }
        return reports;
    }

    private ImportReport importOne(Actor actor, Path file) {
        String name = file.getFileName().toString();
        try (DeviceIdentity me = deviceKeys.identity()) {
            ReadOutcome outcome = reader.read(file, me, trust.snapshot());
            return switch (outcome) {
                case ReadOutcome.Quarantined q -> {
                    store.auditOnly(actor, new AuditEvent("SYNC_IMPORT", "package", q.fileSha256(),
                            AuditEvent.Outcome.DENIED, q.reason().name()));
                    yield ImportReport.refused(name, ImportReport.Status.QUARANTINED, q.message(),
                            q.claimedSender().map(Manifest.Sender::node));
                }
                case ReadOutcome.Rejected r -> {
                    store.auditOnly(actor, new AuditEvent("SYNC_IMPORT", "package", r.fileSha256(),
                            AuditEvent.Outcome.DENIED, r.reason().name()));
                    yield ImportReport.refused(name, ImportReport.Status.REJECTED, r.message(), Optional.empty());
                }
                case VerifiedPackage v -> {
                    try (v) {
                        yield apply(actor, name, v);
                    }
                }
            };
        }
    }

    /** Page cache while a package applies (the default is 16 MB): 256 MB, given back at commit. */
    static final int IMPORT_CACHE_KIB = 256_000;

    private ImportReport apply(Actor actor, String name, VerifiedPackage v) {
        Manifest m = v.manifest();
        Optional<String> from = Optional.of(m.from().node());
        if (store.read(dsl -> repository.isImported(dsl, m.packageId()))) {
            return alreadyImported(name, m);
        }
        TrustSnapshot snapshot = trust.snapshot();
        String at = clock.instant().toString();
        ImportReport report = store.write(actor, AuditEvent.ok("SYNC_IMPORT", "package", m.packageId(),
                "from " + m.from().node() + " seq " + m.pkgSeq()), tx -> {
            if (repository.isImported(tx.dsl(), m.packageId())) {
                return null;
            }
            v.newerTrustBundle().ifPresent(doc -> trust.acceptFromPackage(tx, doc));
            Optional<TrustBundle> bundle = snapshot.bundle();
            Map<String, Integer> nodeNo = new HashMap<>();
            Map<Integer, String> uuidOf = new HashMap<>();
            Map<Integer, Long> prefix = new HashMap<>();
            Map<Integer, Long> maxSeen = new HashMap<>();
            for (NodeRow n : repository.nodes(tx.dsl())) {
                maxSeen.put(n.nodeNo(), n.maxCounter());
                nodeNo.put(n.nodeId(), n.nodeNo());
                uuidOf.put(n.nodeNo(), n.nodeId());
                prefix.put(n.nodeNo(), n.appliedPrefix());
            }
            java.util.function.Function<String, Integer> noOf = uuid -> nodeNo.computeIfAbsent(uuid, u -> {
                Optional<TrustBundle.NodeKey> k = bundle.flatMap(b -> b.currentKeys(u).stream().findFirst());
                int no = repository.nodeNo(tx, u, k.map(TrustBundle.NodeKey::name).orElse(u),
                        k.map(x -> x.kind().name()).orElse("LAPTOP"));
                uuidOf.put(no, u);
                return no;
            });
            Map<String, byte[]> attCache = new HashMap<>();
            java.util.function.Function<String, Optional<byte[]>> attachments = sha -> {
                if (!v.attachments().contains(sha)) {
                    return Optional.empty();
                }
                return Optional.of(attCache.computeIfAbsent(sha, s -> readAttachment(v, s)));
            };
            tx.useLargeCache(IMPORT_CACHE_KIB);
            try (ExchangeRepository.Session session = repository.session(tx)) {
                ChangeApplier applier = new ChangeApplier(tx, session, repository, m.packageId(), at, noOf,
                        uuidOf, prefix, maxSeen, attachments);
                long applied = 0;
                long had = 0;
                long malformed = 0;
                List<ChangeLine> held = new ArrayList<>();
                ObjectMapper lineMapper = v.changeLineMapper();
                try (VerifiedPackage.ChangeLines lines = v.changeLines()) {
                    for (byte[] l; (l = lines.next()) != null; ) {
                        Optional<ChangeLine> line;
                        try {
                            line = ChangeLine.of(lineMapper.readTree(l));
                        } catch (IOException e) {
                            line = Optional.empty();
                        }
                        if (line.isEmpty()) {
                            malformed++;
                            continue;
                        }
                        switch (applier.apply(line.get())) {
                            case APPLIED -> applied++;
                            case ALREADY_HAD -> had++;
                            case HELD -> held.add(line.get());
                            case REJECTED -> { }
                        }
                    }
                }
                // rows that arrived later in the package than the changes needing them
                boolean progress = true;
                while (progress && !held.isEmpty()) {
                    progress = false;
                    List<ChangeLine> still = new ArrayList<>();
                    for (ChangeLine l : held) {
                        switch (applier.apply(l)) {
                            case APPLIED -> {
                                applied++;
                                progress = true;
                            }
                            case ALREADY_HAD -> had++;
                            case HELD -> still.add(l);
                            case REJECTED -> progress = true;
                        }
                    }
                    held = still;
                }
                for (int node : applier.touchedNodes()) {
                    session.advancePrefix(node);
                }
                int sender = noOf.apply(m.from().node());
                Map<String, Long> ack = new TreeMap<>(ExportService.parseVector(repository.peer(tx.dsl(), sender)
                        .map(ExchangeRepository.PeerRow::ackVector).orElse("{}")));
                m.ack().forEach((k, c) -> ack.merge(k, c, Math::max));
                repository.recordReceived(tx, sender, m.packageId(), m.pkgSeq(), at, ExportService.vectorJson(ack));
                List<ImportReport.RejectedRecord> rejected = new ArrayList<>();
                for (ChangeApplier.Rejection r : applier.rejections) {
                    rejected.add(new ImportReport.RejectedRecord(r.table(), r.rowId(), UserMessage.of(r.reasonKey())));
                }
                for (long i = 0; i < malformed; i++) {
                    rejected.add(new ImportReport.RejectedRecord("", "", UserMessage.of("sync.rejected.malformed")));
                }
                for (UserMessage refusal : recovery.onImport(tx, m.from().node(), v.recovery())) {
                    rejected.add(new ImportReport.RejectedRecord("recovery", "", refusal));
                }
                ImportReport r = new ImportReport(name, ImportReport.Status.APPLIED, UserMessage.of(
                        rejected.isEmpty() ? "sync.import.applied" : "sync.import.appliedWithRejections", applied,
                        rejected.size()), from, Optional.of(m.packageId()), m.pkgSeq(), applied, had, held.size(),
                        rejected, applier.conflictsOpened);
                repository.insertImported(tx, m.packageId(), m.from().node(), m.pkgSeq(), v.fileSha256(), at,
                        receipt(r, m));
                return r;
            }
        });
        if (report == null) {
            return alreadyImported(name, m);
        }
        List<UserMessage> refusedTokens = recovery.receiveTokens(actor, v.recovery().tokens());
        if (refusedTokens.isEmpty()) {
            return report;
        }
        List<ImportReport.RejectedRecord> rejected = new ArrayList<>(report.rejected());
        refusedTokens.forEach(msg -> rejected.add(new ImportReport.RejectedRecord("recovery", "", msg)));
        return new ImportReport(report.fileName(), report.status(), UserMessage.of("sync.import.appliedWithRejections",
                report.applied(), rejected.size()), report.fromNode(), report.packageId(), report.pkgSeq(),
                report.applied(), report.alreadyHad(), report.waiting(), rejected, report.conflicts());
    }

    private static ImportReport alreadyImported(String name, Manifest m) {
        return new ImportReport(name, ImportReport.Status.ALREADY_IMPORTED, UserMessage.of("sync.import.alreadyImported"),
                Optional.of(m.from().node()), Optional.of(m.packageId()), m.pkgSeq(), 0, 0, 0, List.of(), 0);
    }

    private static byte[] readAttachment(VerifiedPackage v, String sha) {
        try (InputStream in = v.openAttachment(sha)) {
            return in.readNBytes(MAX_ATTACHMENT_BYTES);
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.read.cannotRead", sha), e);
        }
    }

    /** The receipt kept in {@code imported_package.report}: figures only, no personal data. */
    private static String receipt(ImportReport r, Manifest m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("applied", r.applied()).put("already_had", r.alreadyHad()).put("waiting", r.waiting())
                .put("rejected", r.rejected().size()).put("conflicts", r.conflicts());
        ObjectNode ack = o.putObject("sender_ack");
        new TreeMap<>(m.ack()).forEach(ack::put);
        return o.toString();
    }

    /** The receipt figures of an imported package (as kept). */
    static JsonNode parseReceipt(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
