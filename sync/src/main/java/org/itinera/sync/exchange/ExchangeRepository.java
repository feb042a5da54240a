package org.itinera.sync.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.db.DatabaseException;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.SyncedTables;
import org.itinera.core.store.WriteTx;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The SQL of export and import: reads the change log for a peer, and applies received changes
 * (rows, column dots, change records, conflicts) inside the store's transaction. Table and column
 * names reaching SQL come only from {@link SyncedTables} (checked by the caller), never from a package.
 */
public final class ExchangeRepository {
    private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private final SyncedTables tables = new SyncedTables();

    /** A node as this database knows it. */
    public record NodeRow(int nodeNo, String nodeId, String name, String kind, boolean self, long maxCounter,
                          long appliedPrefix, long lastHlc, String fingerprint, int incarnation) {
    }

    /** What this node knows of a peer (table {@code peer}). */
    public record PeerRow(int nodeNo, String lastSentPackage, long lastSentSeq, String lastSentAt, String lastSentSha256,
                          String lastReceivedPackage, long lastReceivedSeq, String lastReceivedAt, String ackVector) {
    }

    /** A change record as stored, with local node numbers. */
    public record StoredChange(long seq, int nodeNo, long counter, String table, String rowId, String op, long hlc,
                               String user, String tx, String context, String payload) {
    }

    /** A conflict value as stored. */
    public record ConflictValue(int nodeNo, long counter, long hlc, String user, String value) {
    }

    /** An open or resolved conflict with its values. */
    public record ConflictRow(String id, String table, String rowId, String column, String detectedAt, String status,
                              String resolvedBy, String resolvedAt, List<ConflictValue> values) {
    }

    /** A package this node imported (its receipt). */
    public record ImportedRow(String packageId, String fromNode, long pkgSeq, String importedAt, String report) {
    }

    /** A column of a synced table: its name and Java type (String, Long, Integer, Boolean, byte[]). */
    public record ColumnInfo(String name, Class<?> type) {
    }

    /** A single-column foreign key of a synced table. */
    public record ForeignRef(String column, String parentTable, String parentColumn) {
    }

    /** What sync needs to know of a synced table, without jOOQ types. */
    public record TableInfo(String name, Map<String, ColumnInfo> dataColumns, List<ForeignRef> references) {
    }

    private final Map<String, Optional<TableInfo>> infos = new java.util.concurrent.ConcurrentHashMap<>();

    /** The synced table of this name, if there is one. */
    public Optional<TableInfo> table(String name) {
        return infos.computeIfAbsent(name, n -> tables.table(n).map(ExchangeRepository::info));
    }

    private static TableInfo info(Table<?> t) {
        Map<String, ColumnInfo> cols = new LinkedHashMap<>();
        for (org.jooq.Field<?> f : t.fields()) {
            if (SyncedTables.isDataColumn(f) && !f.getName().startsWith("sync_")) {
                cols.put(f.getName(), new ColumnInfo(f.getName(), f.getType()));
            }
        }
        List<ForeignRef> refs = new ArrayList<>();
        for (org.jooq.ForeignKey<?, ?> fk : t.getReferences()) {
            if (fk.getFields().size() == 1 && fk.getKey().getFields().size() == 1) {
                refs.add(new ForeignRef(fk.getFields().getFirst().getName(), fk.getKey().getTable().getName(),
                        fk.getKey().getFields().getFirst().getName()));
            }
        }
        return new TableInfo(t.getName(), Map.copyOf(cols), List.copyOf(refs));
    }

    // ---- nodes and peers ------------------------------------------------------------------------

    public List<NodeRow> nodes(DSLContext dsl) {
        return query(dsl, "SELECT node_no, node_id, name, kind, is_self, max_counter, applied_prefix, last_hlc, "
                + "device_key_fp, incarnation FROM node ORDER BY node_no", List.of(), rs -> new NodeRow(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getString(9), rs.getInt(10)));
    }

    public NodeRow self(DSLContext dsl) {
        return nodes(dsl).stream().filter(NodeRow::self).findFirst().orElseThrow(
                () -> new IllegalStateException("database has no node identity"));
    }

    /** The local number of a node, adding it (with the name and kind known for it) if new. */
    public int nodeNo(WriteTx tx, String nodeId, String name, String kind) {
        DSLContext dsl = tx.dsl();
        List<Integer> found = query(dsl, "SELECT node_no FROM node WHERE node_id = ?", List.of(nodeId), rs -> rs.getInt(1));
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        execute(dsl, "INSERT INTO node (node_id, name, kind, is_self) VALUES (?, ?, ?, 0)", nodeId, name, kind);
        return query(dsl, "SELECT node_no FROM node WHERE node_id = ?", List.of(nodeId), rs -> rs.getInt(1)).getFirst();
    }

    public Optional<PeerRow> peer(DSLContext dsl, int nodeNo) {
        return query(dsl, "SELECT node_no, last_sent_package, last_sent_seq, last_sent_at, last_sent_sha256, "
                + "last_received_package, last_received_seq, last_received_at, ack_vector FROM peer WHERE node_no = ?",
                List.of(nodeNo), ExchangeRepository::peerRow).stream().findFirst();
    }

    public List<PeerRow> peers(DSLContext dsl) {
        return query(dsl, "SELECT node_no, last_sent_package, last_sent_seq, last_sent_at, last_sent_sha256, "
                + "last_received_package, last_received_seq, last_received_at, ack_vector FROM peer ORDER BY node_no",
                List.of(), ExchangeRepository::peerRow);
    }

    private static PeerRow peerRow(ResultSet rs) throws SQLException {
        return new PeerRow(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9));
    }

    void ensurePeer(WriteTx tx, int nodeNo) {
        execute(tx.dsl(), "INSERT INTO peer (node_no) VALUES (?) ON CONFLICT (node_no) DO NOTHING", nodeNo);
    }

    void recordSent(WriteTx tx, int nodeNo, String packageId, long seq, String at, String manifestSha256) {
        ensurePeer(tx, nodeNo);
        execute(tx.dsl(), "UPDATE peer SET last_sent_package = ?, last_sent_seq = ?, last_sent_at = ?, last_sent_sha256 = ? "
                + "WHERE node_no = ?", packageId, seq, at, manifestSha256, nodeNo);
    }

    void recordReceived(WriteTx tx, int nodeNo, String packageId, long seq, String at, String ackVector) {
        ensurePeer(tx, nodeNo);
        execute(tx.dsl(), "UPDATE peer SET last_received_package = CASE WHEN ? >= last_received_seq THEN ? "
                + "ELSE last_received_package END, last_received_at = ?, last_received_seq = max(last_received_seq, ?), "
                + "ack_vector = ? WHERE node_no = ?", seq, packageId, at, seq, ackVector, nodeNo);
    }

    void insertExported(WriteTx tx, String packageId, String toNode, long seq, String sha256, String createdAt,
                        String fileName, String covers, long changes) {
        execute(tx.dsl(), "INSERT INTO exported_package (package_id, to_node, pkg_seq, sha256, created_at, file_name, "
                + "covers, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", packageId, toNode, seq, sha256, createdAt,
                fileName, covers, changes);
    }

    public boolean isImported(DSLContext dsl, String packageId) {
        return !query(dsl, "SELECT 1 FROM imported_package WHERE package_id = ?", List.of(packageId), rs -> 1).isEmpty();
    }

    void insertImported(WriteTx tx, String packageId, String fromNode, long seq, String sha256, String at, String report) {
        execute(tx.dsl(), "INSERT INTO imported_package (package_id, from_node, pkg_seq, sha256, imported_at, outcome, "
                + "report) VALUES (?, ?, ?, ?, ?, 'APPLIED', ?)", packageId, fromNode, seq, sha256, at, report);
    }

    public List<ImportedRow> imported(DSLContext dsl, String fromNode) {
        return query(dsl, "SELECT package_id, from_node, pkg_seq, imported_at, report FROM imported_package "
                + "WHERE from_node = ? ORDER BY pkg_seq", List.of(fromNode),
                rs -> new ImportedRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
    }

    /** Sequence numbers of the packages imported from a node (to find gaps). */
    public List<Long> importedSeqs(DSLContext dsl, String fromNode) {
        return query(dsl, "SELECT DISTINCT pkg_seq FROM imported_package WHERE from_node = ? ORDER BY pkg_seq",
                List.of(fromNode), rs -> rs.getLong(1));
    }

    public String auditHead(DSLContext dsl) {
        return AuditLog.head(dsl).hash();
    }

    // ---- export ---------------------------------------------------------------------------------

    /**
     * Every change of the given origins above the given counters, in the order this node applied
     * them (a causal order: parents before children).
     */
    public void changesAbove(DSLContext dsl, Map<Integer, Long> fromCounter, Consumer<StoredChange> sink) {
        if (fromCounter.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT seq, node_no, counter, tbl, row_id, op, hlc, user_id, tx_id, "
                + "context, payload FROM change_log WHERE ");
        List<Object> args = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Integer, Long> e : fromCounter.entrySet()) {
            sql.append(first ? "" : " OR ").append("(node_no = ? AND counter > ?)");
            args.add(e.getKey());
            args.add(e.getValue());
            first = false;
        }
        sql.append(" ORDER BY seq");
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bindAll(ps, args);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredChange(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11)));
                    }
                }
            }
        });
    }

    /** Reads rows by id (for INSERT records whose row is the record); values typed by the table's fields. */
    public final class RowReader implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();
        private final Map<String, ColumnInfo[]> layouts = new HashMap<>();

        RowReader(Connection connection) {
            this.connection = connection;
        }

        /** Data columns with a value (null columns left out, as the insert left them to their default). */
        public Optional<Map<String, Object>> row(String table, String id) {
            try {
                PreparedStatement ps = statements.get(table);
                if (ps == null) {
                    ps = connection.prepareStatement("SELECT * FROM " + checkedName(table) + " WHERE id = ?");
                    statements.put(table, ps);
                }
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(readData(table(table).orElseThrow(), rs, layouts));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing a read statement
                }
            }
        }
    }

    /** Runs work with a row reader on the given connection's DSL. */
    public <T> T withRowReader(DSLContext dsl, java.util.function.Function<RowReader, T> work) {
        return dsl.connectionResult(c -> {
            try (RowReader r = new RowReader(c)) {
                return work.apply(r);
            }
        });
    }

    /** The data columns of a {@code SELECT *} result by position (null for metadata columns). */
    private static ColumnInfo[] layout(TableInfo table, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        ColumnInfo[] out = new ColumnInfo[md.getColumnCount() + 1];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
            out[i] = SyncedTables.META_COLUMNS.contains(name) ? null : table.dataColumns().get(name);
        }
        return out;
    }

    private static Map<String, Object> readData(TableInfo table, ResultSet rs, Map<String, ColumnInfo[]> layouts)
            throws SQLException {
        ColumnInfo[] cols = layouts.get(table.name());
        if (cols == null) {
            cols = layout(table, rs);
            layouts.put(table.name(), cols);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i < cols.length; i++) {
            ColumnInfo f = cols[i];
            if (f == null) {
                continue;
            }
            Object v = typed(f.type(), rs, i);
            if (v != null) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    private static Object typed(Class<?> type, ResultSet rs, int i) throws SQLException {
        Object raw = rs.getObject(i);
        if (raw == null) {
            return null;
        }
        if (type == Boolean.class) {
            return rs.getInt(i) != 0;
        }
        if (type == Long.class) {
            return rs.getLong(i);
        }
        if (type == Integer.class) {
            return rs.getInt(i);
        }
        if (type == byte[].class) {
            return rs.getBytes(i);
        }
        return rs.getString(i);
    }

    private Table<?> checkedTable(String name) {
        return tables.table(name).orElseThrow(() -> new IllegalArgumentException("not a synced table: " + name));
    }

    private String checkedName(String name) {
        return table(name).orElseThrow(() -> new IllegalArgumentException("not a synced table: " + name)).name();
    }

    // ---- import: one session per transaction ------------------------------------------------------

    /** Prepared statements for applying many changes in one transaction. */
    public Session session(WriteTx tx) {
        return new Session(tx.dsl().connectionResult(conn -> conn));
    }

    /**
     * Keeps derived indexes in step with a row an import has just inserted, from the values it was
     * inserted with (every column with a value travels in an INSERT), without reading it back.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void reindexInserted(WriteTx tx, String table, Map<String, Object> row) {
        if (!tx.hasDerivedIndex(table)) {
            return;
        }
        Table<?> t = checkedTable(table);
        Record r = tx.newRecord(t);
        for (Map.Entry<String, Object> e : row.entrySet()) {
            org.jooq.Field f = t.field(e.getKey());
            if (f != null) {
                r.set(f, e.getValue());
            }
        }
        tx.reindexRemote(r, t.getName(), true);
    }

    /** Keeps derived indexes (search) in step with a row written by an import. */
    public void reindex(WriteTx tx, String table, String id, boolean inserted) {
        if (!tx.hasDerivedIndex(table)) {
            return;
        }
        Table<?> t = checkedTable(table);
        Record r = tx.dsl().selectFrom(t).where(t.field("id", String.class).eq(id)).fetchOne();
        if (r != null) {
            tx.reindexRemote(r, t.getName(), inserted);
        }
    }

    /** The apply-side SQL, on the write transaction's connection. */
    public final class Session implements AutoCloseable {
        private final Connection c;
        private final Map<String, PreparedStatement> cache = new HashMap<>();
        private final Map<String, ColumnInfo[]> layouts = new HashMap<>();
        private static final String CHANGE_SQL = "INSERT INTO change_log (node_no, counter, tbl, row_id, op, hlc, user_id, "
                + "tx_id, context, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        private int pendingChanges;

        Session(Connection connection) {
            this.c = connection;
        }

        /** Rows known to exist, as table, key column and value: the parent checks of a package repeat a lot. */
        private final Set<String> present = new HashSet<>();

        private PreparedStatement ps(String sql) throws SQLException {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                cache.put(sql, ps);
            }
            return ps;
        }

        private <T> List<T> list(String sql, List<Object> args, RowMapper<T> mapper) {
            try {
                PreparedStatement ps = ps(sql);
                bindAll(ps, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private int run(String sql, Object... args) throws SQLException {
            PreparedStatement ps = ps(sql);
            bindAll(ps, java.util.Arrays.asList(args));
            return ps.executeUpdate();
        }

        private int runChecked(String sql, Object... args) {
            try {
                return run(sql, args);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        public boolean knownDot(int nodeNo, long counter) {
            flushChanges();
            return !list("SELECT 1 FROM change_log WHERE node_no = ? AND counter = ?", List.of(nodeNo, counter),
                    rs -> 1).isEmpty();
        }

        /** hlc, context and user of a change, if this node has it. */
        public Optional<StoredChange> change(int nodeNo, long counter) {
            flushChanges();
            return list("SELECT seq, node_no, counter, tbl, row_id, op, hlc, user_id, tx_id, context, payload "
                    + "FROM change_log WHERE node_no = ? AND counter = ?", List.of(nodeNo, counter),
                    rs -> new StoredChange(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11))).stream().findFirst();
        }

        /**
         * The dots and contexts of the changes here that wrote {@code col} of a row (changes whose
         * payload has the column), including the ones later writes superseded.
         */
        public List<StoredChange> columnWrites(String table, String rowId, String col) {
            flushChanges();
            return list("SELECT seq, node_no, counter, tbl, row_id, op, hlc, user_id, tx_id, context, NULL "
                    + "FROM change_log WHERE row_id = ? AND tbl = ? AND op IN ('UPDATE', 'INSERT') "
                    + "AND json_type(payload, ?) IS NOT NULL", List.of(rowId, table, "$." + col),
                    rs -> new StoredChange(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), null));
        }

        /** The row's data columns and its creating dot, if it exists. */
        public Optional<CurrentRow> row(String table, String id) {
            TableInfo t = table(table).orElseThrow(() -> new IllegalArgumentException("not a synced table: " + table));
            try {
                PreparedStatement ps = ps("SELECT * FROM " + t.name() + " WHERE id = ?");
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Map<String, Object> data = readData(t, rs, layouts);
                    return Optional.of(new CurrentRow(rs.getInt("sync_node"), rs.getLong("sync_counter"),
                            rs.getLong("sync_hlc"), data));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        public boolean exists(String table, String keyColumn, Object value) {
            String key = table + '\0' + keyColumn + '\0' + value;
            if (present.contains(key)) {
                return true; // rows are never removed (deletes are tombstones): once seen, present for good
            }
            String name = table(table).map(TableInfo::name).orElse(table);
            if (!SQL_NAME.matcher(name).matches() || !SQL_NAME.matcher(keyColumn).matches()) {
                return false;
            }
            boolean found = !list("SELECT 1 FROM " + name + " WHERE " + keyColumn + " = ?", List.of(value), rs -> 1)
                    .isEmpty();
            if (found) {
                present.add(key);
            }
            return found;
        }

        /** Inserts a received row; false (and nothing written) when a constraint refuses it. */
        public Optional<String> insertRow(String table, Map<String, Object> values, int node, long counter, long hlc) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(checkedName(table)).append(" (");
            StringBuilder q = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                sql.append(e.getKey()).append(", ");
                q.append("?, ");
                args.add(e.getValue());
            }
            sql.append("sync_node, sync_counter, sync_hlc) VALUES (").append(q).append("?, ?, ?)");
            args.add(node);
            args.add(counter);
            args.add(hlc);
            Optional<String> refused = constrained(sql.toString(), args);
            if (refused.isEmpty()) {
                present.add(table + '\0' + "id" + '\0' + values.get("id"));
            }
            return refused;
        }

        /** Writes columns of a row; a constraint refusal leaves the row as it was and names the reason. */
        public Optional<String> updateRow(String table, String id, Map<String, Object> values, long hlc) {
            StringBuilder sql = new StringBuilder("UPDATE ").append(checkedName(table)).append(" SET ");
            List<Object> args = new ArrayList<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                sql.append(e.getKey()).append(" = ?, ");
                args.add(e.getValue());
            }
            sql.append("sync_hlc = max(sync_hlc, ?) WHERE id = ?");
            args.add(hlc);
            args.add(id);
            return constrained(sql.toString(), args);
        }

        /**
         * Runs one row write; a constraint refusal names its reason. SQLite backs out a failed
         * statement alone (ON CONFLICT ABORT) and keeps the transaction, so no savepoint is needed.
         */
        private Optional<String> constrained(String sql, List<Object> args) {
            try {
                PreparedStatement ps = ps(sql);
                bindAll(ps, args);
                ps.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("CONSTRAINT")) {
                    return Optional.of(m.contains("UNIQUE") || m.contains("PRIMARY KEY") ? "unique"
                            : m.contains("CHECK") ? "check" : m.contains("NOT NULL") ? "notNull" : "constraint");
                }
                throw failed(e);
            }
        }

        /** Copy on write: the row's INSERT record gets the row's values before the row first changes. */
        public void keepInsertValues(String table, String id, String payloadJson) {
            flushChanges();
            runChecked("UPDATE change_log SET payload = ? WHERE row_id = ? AND op = 'INSERT' AND payload IS NULL",
                    payloadJson, id);
        }

        public boolean insertPayloadMissing(String id) {
            flushChanges();
            return !list("SELECT 1 FROM change_log WHERE row_id = ? AND op = 'INSERT' AND payload IS NULL", List.of(id),
                    rs -> 1).isEmpty();
        }

        /** Batched: change records reach the database before anything reads the change log. */
        public void insertChange(int node, long counter, String table, String rowId, String op, long hlc, String user,
                                 String txId, String context, String payload) {
            try {
                PreparedStatement ps = ps(CHANGE_SQL);
                bindAll(ps, java.util.Arrays.asList(node, counter, table, rowId, op, hlc, user, txId, context, payload));
                ps.addBatch();
                if (++pendingChanges >= 500) {
                    flushChanges();
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Writes the batched change records. */
        public void flushChanges() {
            if (pendingChanges == 0) {
                return;
            }
            try {
                ps(CHANGE_SQL).executeBatch();
                pendingChanges = 0;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        public Optional<long[]> columnDot(String table, String rowId, String col) {
            return list("SELECT node_no, counter FROM column_dot WHERE tbl = ? AND row_id = ? AND col = ?",
                    List.of(table, rowId, col), rs -> new long[] {rs.getInt(1), rs.getLong(2)}).stream().findFirst();
        }

        public void setColumnDot(String table, String rowId, String col, int node, long counter) {
            runChecked("INSERT INTO column_dot (tbl, row_id, col, node_no, counter) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (tbl, row_id, col) DO UPDATE SET node_no = excluded.node_no, counter = excluded.counter",
                    table, rowId, col, node, counter);
        }

        public Optional<ConflictRow> openConflict(String table, String rowId, String col) {
            return list("SELECT id, tbl, row_id, col, detected_at, status, resolved_by, resolved_at FROM sync_conflict "
                    + "WHERE status = 'OPEN' AND tbl = ? AND row_id = ? AND col = ?", List.of(table, rowId, col),
                    rs -> new ConflictRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), List.of()))
                    .stream().findFirst().map(r -> new ConflictRow(r.id(), r.table(), r.rowId(), r.column(),
                            r.detectedAt(), r.status(), r.resolvedBy(), r.resolvedAt(), conflictValues(r.id())));
        }

        private List<ConflictValue> conflictValues(String id) {
            return list("SELECT node_no, counter, hlc, user_id, value FROM sync_conflict_value WHERE conflict_id = ? "
                    + "ORDER BY node_no, counter", List.of(id), rs -> new ConflictValue(rs.getInt(1), rs.getLong(2),
                    rs.getLong(3), rs.getString(4), rs.getString(5)));
        }

        public void openConflict(String id, String table, String rowId, String col, String at) {
            runChecked("INSERT INTO sync_conflict (id, tbl, row_id, col, detected_at, status) VALUES (?, ?, ?, ?, ?, 'OPEN')",
                    id, table, rowId, col, at);
        }

        public void addConflictValue(String conflictId, ConflictValue v) {
            runChecked("INSERT INTO sync_conflict_value (conflict_id, node_no, counter, hlc, user_id, value) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", conflictId, v.nodeNo(), v.counter(), v.hlc(),
                    v.user(), v.value());
        }

        public void resolveConflict(String id, String by, String at) {
            runChecked("UPDATE sync_conflict SET status = 'RESOLVED', resolved_by = ?, resolved_at = ? WHERE id = ?",
                    by, at, id);
        }

        public void reject(String packageId, int node, long counter, String table, String rowId, String reason,
                           String payload) {
            runChecked("INSERT INTO rejected_change (package_id, node_no, counter, tbl, row_id, reason, payload) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", packageId, node, counter, table, rowId,
                    reason, payload);
        }

        public boolean rowRejected(String rowId) {
            return !list("SELECT 1 FROM rejected_change WHERE row_id = ?", List.of(rowId), rs -> 1).isEmpty();
        }

        /** Raises a node's gap-free applied prefix and highest seen counter after an import. */
        public long advancePrefix(int node) {
            flushChanges();
            List<Long> prefix = list("SELECT applied_prefix FROM node WHERE node_no = ?", List.of(node), rs -> rs.getLong(1));
            long p = prefix.isEmpty() ? 0 : prefix.getFirst();
            List<Long> above = list("SELECT counter FROM change_log WHERE node_no = ? AND counter > ? ORDER BY counter",
                    List.of(node, p), rs -> rs.getLong(1));
            long max = p;
            for (long c : above) {
                if (c == p + 1) {
                    p = c;
                }
                max = Math.max(max, c);
            }
            runChecked("UPDATE node SET applied_prefix = ?, max_counter = max(max_counter, ?) WHERE node_no = ?", p, max,
                    node);
            return p;
        }

        @Override
        public void close() {
            flushChanges();
            for (PreparedStatement ps : cache.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the transaction ends anyway
                }
            }
            cache.clear();
        }
    }

    /** A row as it is now: its creating dot and data columns. */
    public record CurrentRow(int node, long counter, long hlc, Map<String, Object> data) {
    }

    // ---- conflicts (reads outside a transaction) ----------------------------------------------------

    public List<ConflictRow> conflicts(DSLContext dsl, boolean openOnly) {
        List<ConflictRow> heads = query(dsl, "SELECT id, tbl, row_id, col, detected_at, status, resolved_by, resolved_at "
                + "FROM sync_conflict" + (openOnly ? " WHERE status = 'OPEN'" : "") + " ORDER BY detected_at, id", List.of(),
                rs -> new ConflictRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), List.of()));
        List<ConflictRow> out = new ArrayList<>();
        for (ConflictRow h : heads) {
            out.add(new ConflictRow(h.id(), h.table(), h.rowId(), h.column(), h.detectedAt(), h.status(), h.resolvedBy(),
                    h.resolvedAt(), query(dsl, "SELECT node_no, counter, hlc, user_id, value FROM sync_conflict_value "
                    + "WHERE conflict_id = ? ORDER BY node_no, counter", List.of(h.id()), rs -> new ConflictValue(
                    rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))));
        }
        return out;
    }

    /**
     * Open conflicts a person has to look at: those whose versions differ. Concurrent writes of one value (the
     * same office created on two laptops) stay recorded as a conflict so that every node merges later writes
     * alike, but there is nothing to choose.
     */
    public List<ConflictRow> conflictsToReview(DSLContext dsl) {
        return conflicts(dsl, true).stream()
                .filter(c -> c.values().stream().map(ConflictValue::value).distinct().count() > 1).toList();
    }

    /** The JSON of a column's current value (what a conflict shows). */
    public Optional<String> shownValue(DSLContext dsl, String table, String rowId, String column) {
        return withRowReader(dsl, r -> r.row(table, rowId)).map(row -> ChangeApplier.jsonText(row.get(column)));
    }

    /** The name of the person a synced row is about (the person row itself, or the row's person), if any. */
    public Optional<String> personName(DSLContext dsl, String table, String rowId) {
        if (table(table).isEmpty()) {
            return Optional.empty();
        }
        return withRowReader(dsl, r -> {
            Optional<String> personId = "person".equals(table) ? Optional.of(rowId)
                    : r.row(table, rowId).map(row -> row.get("person_id")).filter(String.class::isInstance)
                    .map(String.class::cast);
            return personId.flatMap(id -> r.row("person", id)).map(p -> (p.getOrDefault("given_name", "") + " "
                    + p.getOrDefault("family_name", "")).trim());
        });
    }

    public Optional<ConflictRow> conflict(DSLContext dsl, String id) {
        return conflicts(dsl, false).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Writes one column of a synced row by the normal write path (a new local change that syncs). */
    void writeColumn(WriteTx tx, String table, String id, String column, Object value, java.util.Set<String> force) {
        Table<?> t = checkedTable(table);
        writeColumn(tx, t, id, column, value, force);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R extends org.jooq.TableRecord<R>> void writeColumn(WriteTx tx, Table<?> t, String id, String column,
                                                                         Object value, java.util.Set<String> force) {
        Table<R> table = (Table<R>) t;
        R r = tx.dsl().selectFrom(table).where(((org.jooq.Field<String>) table.field("id")).eq(id)).fetchOne();
        if (r == null) {
            throw new IllegalStateException("no row " + id);
        }
        org.jooq.Field f = table.field(column);
        r.set(f, value);
        tx.update(r, force);
    }

    /** Counts of changes per origin above a vector (what a peer has not acknowledged). */
    public long countAbove(DSLContext dsl, Map<Integer, Long> fromCounter) {
        long n = 0;
        for (Map.Entry<Integer, Long> e : fromCounter.entrySet()) {
            n += query(dsl, "SELECT count(*) FROM change_log WHERE node_no = ? AND counter > ?",
                    List.of(e.getKey(), e.getValue()), rs -> rs.getLong(1)).getFirst();
        }
        return n;
    }

    // ---- plumbing -------------------------------------------------------------------------------

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(DSLContext dsl, String sql, List<Object> args, RowMapper<T> mapper) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void execute(DSLContext dsl, String sql, Object... args) {
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindAll(ps, java.util.Arrays.asList(args));
                ps.executeUpdate();
            }
        });
    }

    private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object v = args.get(i);
            switch (v) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case String s -> ps.setString(i + 1, s);
                case Boolean b -> ps.setInt(i + 1, b ? 1 : 0);
                case Integer n -> ps.setInt(i + 1, n);
                case Long n -> ps.setLong(i + 1, n);
                case byte[] bytes -> ps.setBytes(i + 1, bytes);
                default -> ps.setObject(i + 1, v);
            }
        }
    }

    private static DatabaseException failed(SQLException e) {
        return new DatabaseException(UserMessage.of("db.error.unexpected", e.getClass().getSimpleName()), e);
    }
}
