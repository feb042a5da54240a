package org.itinera.sync.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.itinera.core.store.Dot;
import org.itinera.core.store.WriteTx;
import org.itinera.sync.exchange.ExchangeRepository.ConflictRow;
import org.itinera.sync.exchange.ExchangeRepository.ConflictValue;
import org.itinera.sync.exchange.ExchangeRepository.CurrentRow;

/**
 * Applies received changes inside one import transaction: skips what this node already has, merges
 * each column by dots and contexts, records concurrent writes of one column as a conflict (the value
 * shown is the write with the highest HLC, then node id, so every node shows the same), and holds
 * back changes whose row or parent rows have not arrived yet (they are not acknowledged, so the
 * sender sends them again).
 */
final class ChangeApplier {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Result { APPLIED, ALREADY_HAD, HELD, REJECTED }

    /** A record that could not be applied, with the key of the reason. */
    record Rejection(String table, String rowId, String reasonKey) {
    }

    private final WriteTx tx;
    private final ExchangeRepository.Session session;
    private final ExchangeRepository repository;
    private final String packageId;
    private final String at;
    private final Function<String, Integer> nodeNoOf;
    private final Map<Integer, String> uuidOf;
    private final Map<Integer, Long> prefix;
    private final Function<String, Optional<byte[]>> attachments;
    private final Set<Integer> touched = new HashSet<>();
    /** Dots recorded by this import (a line repeated inside one package is applied once). */
    private final Set<Dot> seen = new HashSet<>();
    /** Per node, the highest counter this database held when the import began (above it, nothing is known). */
    private final Map<Integer, Long> maxSeen;
    private final Map<Dot, Context> contexts = new HashMap<>();
    final List<Rejection> rejections = new ArrayList<>();
    int conflictsOpened;

    ChangeApplier(WriteTx tx, ExchangeRepository.Session session, ExchangeRepository repository, String packageId, String at,
                  Function<String, Integer> nodeNoOf, Map<Integer, String> uuidOf, Map<Integer, Long> prefix,
                  Map<Integer, Long> maxSeen, Function<String, Optional<byte[]>> attachments) {
        this.maxSeen = maxSeen;
        this.tx = tx;
        this.session = session;
        this.repository = repository;
        this.packageId = packageId;
        this.at = at;
        this.nodeNoOf = nodeNoOf;
        this.uuidOf = uuidOf;
        this.prefix = prefix;
        this.attachments = attachments;
    }

    Set<Integer> touchedNodes() {
        return touched;
    }

    Result apply(ChangeLine line) {
        int node = nodeNoOf.apply(line.origin());
        Dot dot = new Dot(node, line.counter());
        if (node == tx.selfNode() || line.counter() <= prefix.getOrDefault(node, 0L) || seen.contains(dot)
                || line.counter() <= maxSeen.getOrDefault(node, 0L) && session.knownDot(node, line.counter())) {
            return Result.ALREADY_HAD;
        }
        tx.observeClock(line.hlc());
        Context ctx = localContext(line);
        Optional<ExchangeRepository.TableInfo> table = repository.table(line.table());
        if (table.isEmpty()) {
            return reject(line, dot, ctx, "sync.rejected.unknownTable");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = line.columns().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ExchangeRepository.ColumnInfo f = table.get().dataColumns().get(e.getKey());
            if (f == null) {
                return reject(line, dot, ctx, "sync.rejected.unknownColumn");
            }
            Optional<Object> v = typed(f.type(), e.getValue());
            if (v == null) {
                return reject(line, dot, ctx, "sync.rejected.badValue");
            }
            values.put(f.name(), v.orElse(null));
        }
        if (!parentsPresent(table.get(), values)) {
            return Result.HELD;
        }
        return "INSERT".equals(line.op()) ? insert(line, dot, ctx, values) : update(line, dot, ctx, values);
    }

    private Result insert(ChangeLine line, Dot dot, Context ctx, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put("id", line.rowId());
        Optional<String> refused = session.insertRow(line.table(), row, dot.node(), dot.counter(), line.hlc());
        if (refused.isPresent()) {
            Optional<CurrentRow> existing = "unique".equals(refused.get())
                    ? session.row(line.table(), line.rowId()) : Optional.empty();
            if (existing.isPresent()) {
                // the same record inserted on two nodes (ids derived from a natural key, e.g. an office
                // code): the second insert is a concurrent write of every column it carries
                return mergeRow(line, dot, ctx, values, existing.get(), "INSERT");
            }
            return reject(line, dot, ctx, "sync.rejected." + refused.get());
        }
        // the row is the record (copy on write, as for local inserts)
        session.insertChange(dot.node(), dot.counter(), line.table(), line.rowId(), "INSERT", line.hlc(), line.user(),
                line.tx(), "{}", null);
        seen.add(dot);
        row.put("sync_node", dot.node());
        row.put("sync_counter", dot.counter());
        row.put("sync_hlc", line.hlc());
        repository.reindexInserted(tx, line.table(), row);
        touched.add(dot.node());
        return Result.APPLIED;
    }

    private Result update(ChangeLine line, Dot dot, Context ctx, Map<String, Object> values) {
        Optional<CurrentRow> current = session.row(line.table(), line.rowId());
        if (current.isEmpty()) {
            return session.rowRejected(line.rowId()) ? reject(line, dot, ctx, "sync.rejected.rowMissing") : Result.HELD;
        }
        return mergeRow(line, dot, ctx, values, current.get(), "UPDATE");
    }

    /** Merges the columns of a change into a row that exists here, column by column (dots, conflicts). */
    private Result mergeRow(ChangeLine line, Dot dot, Context ctx, Map<String, Object> values, CurrentRow row,
                            String op) {
        Map<String, Object> write = new LinkedHashMap<>();
        Map<String, Dot> newDots = new LinkedHashMap<>();
        List<Runnable> conflictWork = new ArrayList<>();
        ExchangeRepository.TableInfo table = repository.table(line.table()).orElseThrow();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            mergeColumn(line, dot, ctx, table, row, e.getKey(), e.getValue(), write, newDots, conflictWork);
        }
        if (!write.isEmpty()) {
            if (session.insertPayloadMissing(line.rowId())) {
                session.keepInsertValues(line.table(), line.rowId(), payload(row.data()));
            }
            Optional<String> refused = session.updateRow(line.table(), line.rowId(), write, line.hlc());
            if (refused.isPresent()) {
                return reject(line, dot, ctx, "sync.rejected." + refused.get());
            }
        }
        newDots.forEach((col, d) -> session.setColumnDot(line.table(), line.rowId(), col, d.node(), d.counter()));
        conflictWork.forEach(Runnable::run);
        session.insertChange(dot.node(), dot.counter(), line.table(), line.rowId(), op, line.hlc(), line.user(),
                line.tx(), ctx.toJson(), payload(values));
        seen.add(dot);
        contexts.put(dot, ctx);
        if (!write.isEmpty()) {
            reindex(line.table(), line.rowId(), false);
        }
        touched.add(dot.node());
        return Result.APPLIED;
    }

    /** One written value of a column: its dot, clock, author and JSON value. */
    private record Candidate(Dot dot, long hlc, String user, String value) {
    }

    private void mergeColumn(ChangeLine line, Dot dot, Context ctx, ExchangeRepository.TableInfo table, CurrentRow row, String col,
                             Object value, Map<String, Object> write, Map<String, Dot> newDots,
                             List<Runnable> conflictWork) {
        Dot cur = session.columnDot(line.table(), line.rowId(), col).map(a -> new Dot((int) a[0], a[1]))
                .orElse(new Dot(row.node(), row.counter()));
        Optional<ConflictRow> open = session.openConflict(line.table(), line.rowId(), col);
        List<Candidate> candidates = new ArrayList<>();
        boolean fromConflict = open.isPresent()
                && open.get().values().stream().anyMatch(v -> v.nodeNo() == cur.node() && v.counter() == cur.counter());
        if (fromConflict) {
            for (ConflictValue v : open.get().values()) {
                candidates.add(new Candidate(new Dot(v.nodeNo(), v.counter()), v.hlc(), v.user(), v.value()));
            }
        } else {
            Optional<ExchangeRepository.StoredChange> c = session.change(cur.node(), cur.counter());
            candidates.add(new Candidate(cur, c.map(ExchangeRepository.StoredChange::hlc).orElse(row.hlc()),
                    c.map(ExchangeRepository.StoredChange::user).orElse(null), jsonText(row.data().get(col))));
        }
        // the column's newest writes are those no write known here covers, whatever the order they came in:
        // the incoming write drops the current ones its context covers, and joins them unless a write known
        // here (current, or one already superseded) covers it
        List<Candidate> remaining = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!ctx.covers(c.dot())) {
                remaining.add(c);
            }
        }
        boolean superseded = remaining.size() < candidates.size();
        boolean stale = !remaining.isEmpty() && (remaining.stream().anyMatch(c -> contextOf(c.dot()).covers(dot))
                || supersededWriteCovers(line.table(), line.rowId(), col, dot));
        if (stale && !superseded) {
            return; // this write is older than one already here: nothing changes in this column
        }
        Candidate incoming = new Candidate(dot, line.hlc(), line.user(), jsonText(value));
        if (!stale) {
            remaining.add(incoming);
        }
        Candidate winner = remaining.stream().max(Comparator.comparingLong(Candidate::hlc)
                .thenComparing(c -> uuidOf.getOrDefault(c.dot().node(), ""))
                .thenComparingLong(c -> c.dot().counter())).orElseThrow();
        if (!winner.dot().equals(cur)) {
            Optional<Object> w = winner == incoming ? Optional.ofNullable(value)
                    : typed(table.dataColumns().get(col).type(), parse(winner.value()));
            write.put(col, w == null ? null : w.orElse(null));
            newDots.put(col, winner.dot());
        }
        if (remaining.size() == 1) {
            // one newest write: no conflict (concurrent writes of one value do stay together in a conflict,
            // so that later writes merge the same on every node, but the review does not show it)
            open.ifPresent(o -> conflictWork.add(() -> session.resolveConflict(o.id(), line.user(), at)));
            return;
        }
        boolean extendOpen = open.isPresent() && fromConflict && !superseded;
        conflictWork.add(() -> {
            String id;
            if (extendOpen) {
                id = open.get().id();
            } else {
                open.ifPresent(o -> session.resolveConflict(o.id(), line.user(), at));
                id = tx.ids().next();
                session.openConflict(id, line.table(), line.rowId(), col, at + "#" + id);
                conflictsOpened++;
            }
            for (Candidate c : remaining) {
                session.addConflictValue(id, new ConflictValue(c.dot().node(), c.dot().counter(), c.hlc(), c.user(),
                        c.value()));
            }
        });
    }

    /**
     * Whether a write of the column this node already has, no longer among its newest (it was
     * superseded), covers {@code dot}: covering is not transitive when a package was lost on the
     * way, so the current writes alone cannot tell that {@code dot} is old.
     */
    private boolean supersededWriteCovers(String table, String rowId, String col, Dot dot) {
        for (ExchangeRepository.StoredChange c : session.columnWrites(table, rowId, col)) {
            Dot d = new Dot(c.nodeNo(), c.counter());
            Context known = contexts.get(d);
            if (known == null) {
                known = Context.parse(c.context());
                contexts.put(d, known);
            }
            if (known.covers(dot)) {
                return true;
            }
        }
        return false;
    }

    private Context contextOf(Dot d) {
        Context known = contexts.get(d);
        if (known != null) {
            return known;
        }
        Context c = session.change(d.node(), d.counter()).map(s -> Context.parse(s.context())).orElse(Context.EMPTY);
        contexts.put(d, c);
        return c;
    }

    private Result reject(ChangeLine line, Dot dot, Context ctx, String reasonKey) {
        String payload = new String(line.toJson(), java.nio.charset.StandardCharsets.UTF_8);
        session.reject(packageId, dot.node(), dot.counter(), line.table(), line.rowId(), reasonKey, payload);
        // the dot is known from now on (so the sender's ack moves on), but nothing of it was applied
        session.insertChange(dot.node(), dot.counter(), line.table(), line.rowId(), line.op(), line.hlc(), line.user(),
                line.tx(), ctx.toJson(), line.columns().toString());
        seen.add(dot);
        rejections.add(new Rejection(line.table(), line.rowId(), reasonKey));
        touched.add(dot.node());
        return Result.REJECTED;
    }

    /** The change's context with this node's numbers (nodes seen for the first time are added). */
    private Context localContext(ChangeLine line) {
        Map<Integer, Long> v = new HashMap<>();
        line.contextVector().forEach((uuid, c) -> v.put(nodeNoOf.apply(uuid), c));
        Set<Dot> d = new HashSet<>();
        for (ChangeLine.RemoteDot r : line.contextDots()) {
            d.add(new Dot(nodeNoOf.apply(r.node()), r.counter()));
        }
        return new Context(v, d);
    }

    private boolean parentsPresent(ExchangeRepository.TableInfo table, Map<String, Object> values) {
        for (ExchangeRepository.ForeignRef fk : table.references()) {
            Object v = values.get(fk.column());
            if (v != null && !session.exists(fk.parentTable(), fk.parentColumn(), v)) {
                return false;
            }
        }
        return true;
    }

    private void reindex(String table, String id, boolean inserted) {
        repository.reindex(tx, table, id, inserted);
    }

    /**
     * A JSON value as the Java value for a column of this type: empty optional for SQL NULL, null
     * when the value does not fit the column.
     */
    @SuppressWarnings("java:S2789")
    Optional<Object> typed(Class<?> type, JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (type == Boolean.class) {
            return v.isBoolean() ? Optional.of(v.booleanValue()) : null;
        }
        if (type == Long.class) {
            return v.isIntegralNumber() && v.canConvertToLong() ? Optional.of(v.longValue()) : null;
        }
        if (type == Integer.class) {
            return v.isIntegralNumber() && v.canConvertToInt() ? Optional.of(v.intValue()) : null;
        }
        if (type == byte[].class) {
            if (v.isObject() && v.size() == 1 && v.path("att").isTextual()) {
                Optional<byte[]> bytes = attachments.apply(v.get("att").asText());
                return bytes.isPresent() ? Optional.of(bytes.get()) : null;
            }
            if (!v.isTextual()) {
                return null;
            }
            try {
                return Optional.of(Base64.getDecoder().decode(v.asText()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return v.isTextual() ? Optional.of(v.asText()) : null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static JsonNode jsonNode(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v) {
            case null -> f.nullNode();
            case Boolean b -> f.booleanNode(b);
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case byte[] bytes -> f.textNode(Base64.getEncoder().encodeToString(bytes));
            default -> f.textNode(v.toString());
        };
    }

    static String jsonText(Object v) {
        return jsonNode(v).toString();
    }

    static String payload(Map<String, Object> values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.forEach((k, v) -> o.set(k, jsonNode(v)));
        return o.toString();
    }
}
