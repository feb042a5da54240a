package org.itinera.sync.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.store.Store;
import org.itinera.sync.exchange.ExchangeRepository.NodeRow;
import org.itinera.sync.exchange.ExchangeRepository.PeerRow;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustService;

/** Per peer: last package sent and received, missing package numbers, what it has not acknowledged. */
public final class PeerService {
    private final Store store;
    private final AccessPolicy access;
    private final ExchangeRepository repository;
    private final TrustService trust;

    public PeerService(Store store, AccessPolicy access, ExchangeRepository repository, TrustService trust) {
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.trust = trust;
    }

    /**
     * One peer. {@code missing} are package numbers below the highest received that never arrived;
     * {@code unacknowledged} the changes an export to it would carry now; {@code conflicts} the open
     * conflicts with a value written by that node.
     */
    public record PeerStatus(String nodeId, String name, String kind, long lastSentSeq, Optional<Instant> lastSentAt,
                             long lastReceivedSeq, Optional<Instant> lastReceivedAt, List<Long> missing,
                             long unacknowledged, int conflicts) {
    }

    /** Every node this one knows (from the trust bundle and from packages), except itself. */
    public List<PeerStatus> peers(Actor actor) {
        access.require(actor, Permission.SYNC_EXCHANGE);
        Map<String, String[]> known = new LinkedHashMap<>();
        trust.snapshot().bundle().ifPresent(b -> b.nodes().forEach(
                n -> known.putIfAbsent(n.nodeId(), new String[] {n.name(), n.kind().name()})));
        return store.read(dsl -> {
            List<NodeRow> nodes = repository.nodes(dsl);
            NodeRow self = nodes.stream().filter(NodeRow::self).findFirst().orElseThrow();
            Map<String, NodeRow> byId = new HashMap<>();
            for (NodeRow n : nodes) {
                byId.put(n.nodeId(), n);
                if (!n.self()) {
                    known.putIfAbsent(n.nodeId(), new String[] {n.name(), n.kind()});
                }
            }
            known.remove(self.nodeId());
            List<ExchangeRepository.ConflictRow> conflicts = repository.conflictsToReview(dsl);
            List<PeerStatus> out = new ArrayList<>();
            for (Map.Entry<String, String[]> e : known.entrySet()) {
                NodeRow n = byId.get(e.getKey());
                Optional<PeerRow> p = n == null ? Optional.empty() : repository.peer(dsl, n.nodeNo());
                Map<String, Long> ack = ExportService.parseVector(p.map(PeerRow::ackVector).orElse("{}"));
                Map<Integer, Long> from = new HashMap<>();
                for (NodeRow x : nodes) {
                    if (!x.nodeId().equals(e.getKey())) {
                        from.put(x.nodeNo(), ack.getOrDefault(x.nodeId(), 0L));
                    }
                }
                List<Long> seqs = repository.importedSeqs(dsl, e.getKey());
                List<Long> missing = new ArrayList<>();
                long expect = 1;
                for (long s : seqs) {
                    for (long m = expect; m < s && missing.size() < 100; m++) {
                        missing.add(m);
                    }
                    expect = s + 1;
                }
                int c = n == null ? 0 : (int) conflicts.stream()
                        .filter(x -> x.values().stream().anyMatch(v -> v.nodeNo() == n.nodeNo())).count();
                out.add(new PeerStatus(e.getKey(), e.getValue()[0], e.getValue()[1],
                        p.map(PeerRow::lastSentSeq).orElse(0L), p.map(PeerRow::lastSentAt).map(Instant::parse),
                        p.map(PeerRow::lastReceivedSeq).orElse(0L), p.map(PeerRow::lastReceivedAt).map(Instant::parse),
                        missing, repository.countAbove(dsl, from), c));
            }
            return out;
        });
    }

    /** Kept for callers that only need the bundle's view of a node. */
    static Optional<TrustBundle.NodeKey> keyOf(TrustBundle b, String nodeId) {
        return b.currentKeys(nodeId).stream().findFirst();
    }
}
