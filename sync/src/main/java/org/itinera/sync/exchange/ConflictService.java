package org.itinera.sync.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.HybridClock;
import org.itinera.core.store.Store;
import org.itinera.sync.SyncException;
import org.itinera.sync.exchange.ExchangeRepository.ConflictRow;
import org.itinera.sync.exchange.ExchangeRepository.ConflictValue;
import org.itinera.sync.exchange.ExchangeRepository.NodeRow;

/**
 * Conflicts: two or more writes of the same column that did not know of each other. Every node
 * shows the same value (highest HLC, then node id) until someone picks one; the pick is a normal
 * write of the column, so it travels like any edit and closes the conflict at every node.
 */
public final class ConflictService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final AccessPolicy access;
    private final ExchangeRepository repository;

    public ConflictService(Store store, AccessPolicy access, ExchangeRepository repository) {
        this.store = store;
        this.access = access;
        this.repository = repository;
    }

    /** One of the conflicting values: which node and user wrote it, when, and the value as text. */
    public record Version(String nodeId, String nodeName, long counter, Instant writtenAt, String userId, String text,
                          boolean shown) {
    }

    /**
     * A conflict to review. {@code person} names the person the row is about (empty for rows about
     * no person, such as an office), so that a reviewer knows whose record it is.
     */
    public record Conflict(String id, String table, String rowId, String column, Optional<String> person,
                           Instant detectedAt, boolean open, List<Version> versions) {
    }

    /** Open conflicts, oldest first. */
    public List<Conflict> open(Actor actor) {
        access.require(actor, Permission.SYNC_CONFLICT_RESOLVE);
        return store.read(dsl -> {
            Map<Integer, NodeRow> nodes = new HashMap<>();
            repository.nodes(dsl).forEach(n -> nodes.put(n.nodeNo(), n));
            List<Conflict> out = new ArrayList<>();
            for (ConflictRow c : repository.conflictsToReview(dsl)) {
                out.add(view(c, nodes, repository.shownValue(dsl, c.table(), c.rowId(), c.column()),
                        repository.personName(dsl, c.table(), c.rowId())));
            }
            return out;
        });
    }

    /** How many conflicts wait for review (for the peers screen and the menu badge). */
    public int openCount(Actor actor) {
        access.require(actor, Permission.SYNC_EXCHANGE);
        return store.read(dsl -> repository.conflictsToReview(dsl).size());
    }

    /**
     * Keeps version {@code index} of the conflict: writes that value to the column as a new change
     * (which supersedes every conflicting write wherever it arrives) and closes the conflict here.
     */
    public void resolve(Actor actor, String conflictId, int index) {
        access.require(actor, Permission.SYNC_CONFLICT_RESOLVE);
        ConflictRow c = store.read(dsl -> repository.conflict(dsl, conflictId))
                .filter(x -> "OPEN".equals(x.status()))
                .orElseThrow(() -> new SyncException(UserMessage.of("sync.conflict.notOpen"), null));
        if (index < 0 || index >= c.values().size()) {
            throw new IllegalArgumentException("no version " + index + " in conflict " + conflictId);
        }
        ConflictValue chosen = c.values().get(index);
        ExchangeRepository.ColumnInfo field = repository.table(c.table()).map(t -> t.dataColumns().get(c.column()))
                .orElseThrow();
        Object value = toJava(field.type(), chosen.value());
        store.write(actor, AuditEvent.ok("SYNC_CONFLICT_RESOLVED", c.table(), c.rowId(), c.column()), tx -> {
            // the write closes the conflict (WriteTx.update closes every open conflict of a column it writes)
            repository.writeColumn(tx, c.table(), c.rowId(), c.column(), value, Set.of(c.column()));
            return null;
        });
    }

    private Conflict view(ConflictRow c, Map<Integer, NodeRow> nodes, Optional<String> shown, Optional<String> person) {
        List<Version> versions = new ArrayList<>();
        for (ConflictValue v : c.values()) {
            NodeRow n = nodes.get(v.nodeNo());
            versions.add(new Version(n == null ? "" : n.nodeId(), n == null ? "" : n.name(), v.counter(),
                    HybridClock.toInstant(v.hlc()), v.user(), text(v.value()), shown.map(s -> s.equals(v.value()))
                    .orElse(false)));
        }
        String at = c.detectedAt();
        int hash = at.indexOf('#');
        return new Conflict(c.id(), c.table(), c.rowId(), c.column(), person, Instant.parse(hash < 0 ? at : at.substring(0, hash)),
                "OPEN".equals(c.status()), versions);
    }


    private static String text(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null || n.isNull() ? "" : n.isTextual() ? n.asText() : n.toString();
        } catch (IOException e) {
            return json;
        }
    }

    private static Object toJava(Class<?> type, String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || n.isNull()) {
                return null;
            }
            if (type == Boolean.class) {
                return n.asBoolean();
            }
            if (type == Long.class) {
                return n.asLong();
            }
            if (type == Integer.class) {
                return n.asInt();
            }
            if (type == byte[].class) {
                return Base64.getDecoder().decode(n.asText());
            }
            return n.asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable conflict value", e);
        }
    }
}
