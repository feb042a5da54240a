package org.itinera.core.store;

import static org.itinera.schema.jooq.Tables.CHANGE_LOG;
import static org.itinera.schema.jooq.Tables.NODE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * A write transaction of the {@link Store}. Inserts are batched per table (flushed in first-use
 * order, before any read through {@link #dsl()}, and at commit); foreign keys are checked at commit.
 * Each insert or update of a synced row takes a new dot from this node's counter and leaves a
 * change record, so nothing written here can escape sync or audit.
 */
public final class WriteTx {
    private static final String CHANGE_SQL = "INSERT INTO change_log (node_no, counter, tbl, row_id, op, hlc, user_id, "
            + "tx_id, context, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMN_DOT_SQL = "INSERT INTO column_dot (tbl, row_id, col, node_no, counter) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET node_no = excluded.node_no, "
            + "counter = excluded.counter";
    /**
     * A local write of a column knows every value this node holds for it (its context covers the
     * row's dots), so it supersedes the writes of an open sync conflict on that column: the
     * conflict closes here, as it does at every node that applies this change.
     */
    private static final String CLOSE_CONFLICT_SQL = "UPDATE sync_conflict SET status = 'RESOLVED', resolved_by = ?, "
            + "resolved_at = ? WHERE status = 'OPEN' AND tbl = ? AND row_id = ? AND col = ?";

    private final Store store;
    private final Connection connection;
    private final DSLContext dsl;
    private final ChangePayload json = new ChangePayload();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private List<Batch> ordered;
    private final Map<Object, Object> scratch = new HashMap<>();
    private final long startCounter;
    private long counter;
    private long lastHlc;
    private String txId;
    private String userId;
    private int chunkRows = Integer.MAX_VALUE;
    private boolean bulk;
    /** Bulk mode: tables inserted into since the last snapshot, with their highest rowid before. */
    private final Map<Table<?>, Long> bulkSince = new LinkedHashMap<>();
    private int rowsSinceCommit;

    WriteTx(Store store, Connection connection, DSLContext dsl, long counter) {
        this.store = store;
        this.connection = connection;
        this.dsl = dsl;
        this.startCounter = counter;
        this.counter = counter;
    }

    private static final class Batch {
        final PreparedStatement statement;
        final int rank;
        int pending;

        Batch(PreparedStatement statement, int rank) {
            this.statement = statement;
            this.rank = rank;
        }
    }

    void chunkRows(int rows) {
        this.chunkRows = rows;
        this.bulk = true;
    }

    private boolean largeCache;

    void begin() throws SQLException {
        connection.setAutoCommit(false);
        deferForeignKeys();
        txId = store.ids().next();
    }

    /**
     * Gives this transaction a page cache of {@code kib} KiB (back to the connection's usual size when it ends):
     * a large import touches far more pages than the usual cache holds, and pages that do not fit spill,
     * encrypted, into the WAL in the middle of the transaction and are written again at commit.
     */
    public void useLargeCache(int kib) {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("PRAGMA cache_size = -" + kib);
            largeCache = true;
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    private void endLargeCache() {
        if (largeCache) {
            largeCache = false;
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute("PRAGMA cache_size = -" + org.itinera.core.db.EncryptedSqlite.CACHE_KIB);
            } catch (SQLException ignored) {
                // the next large transaction sets it again; the usual size only saves memory
            }
        }
    }

    /** Records which user the change records are attributed to (null for the system). */
    public void attributeTo(String userId) {
        this.userId = userId;
    }

    public IdGenerator ids() {
        return store.ids();
    }

    /** jOOQ access inside the transaction, for repositories' reads and derived-table writes. */
    public DSLContext dsl() {
        flush();
        return dsl;
    }

    /** A new, empty record of a table, to fill and pass to {@link #insert}. */
    public <R extends org.jooq.Record> R newRecord(Table<R> table) {
        return dsl.newRecord(table);
    }

    DSLContext dslNoFlush() {
        return dsl;
    }

    /** Per-transaction memo for indexes (e.g. the next free full-text rowid). */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> init) {
        return (T) scratch.computeIfAbsent(key, k -> init.get());
    }

    // ---- synced rows ----------------------------------------------------------------------------

    /** Inserts a new synced row; sets its sync columns. */
    public <R extends TableRecord<R>> void insert(R row) {
        Table<R> table = row.getTable();
        requireSynced(table);
        long c = ++counter;
        long h = store.clock().now();
        lastHlc = h;
        row.set(field(table, "sync_node"), store.selfNode());
        row.set(field(table, "sync_counter"), c);
        row.set(field(table, "sync_hlc"), h);
        if (row.get("deleted") == null) {
            row.set(field(table, "deleted"), false);
        }
        batch(insertSql(table, presentFields(row), presentMask(row)), store.tables().rank(table.getName()),
                presentValues(row));
        if (bulk) {
            // the change records of these rows are written in one INSERT … SELECT per table and chunk
            bulkSince.computeIfAbsent(table, this::maxRowid);
        } else {
            recordChange(c, table.getName(), (String) row.get("id"), "INSERT", h, "{}", null);
        }
        for (DerivedIndex index : store.derivedFor(table.getName())) {
            index.afterWrite(this, row, true);
        }
        countRow();
    }

    /**
     * Writes the columns of {@code row} that differ from what was read (the row must have been
     * fetched whole, then changed). Each changed column gets this change's dot.
     */
    public <R extends TableRecord<R>> boolean update(R row) {
        return update(row, java.util.Set.of());
    }

    /**
     * As {@link #update(TableRecord)}, and also writes the named columns when their value did not
     * change (a sync conflict resolved in favour of the value shown still needs a change that
     * supersedes every conflicting write at every node).
     */
    public <R extends TableRecord<R>> boolean update(R row, java.util.Set<String> alsoRewrite) {
        Table<R> table = row.getTable();
        requireSynced(table);
        List<Field<?>> changed = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (SyncedTables.isDataColumn(f) && (!sameValue(row.original(f), row.get(f))
                    || alsoRewrite.contains(f.getName()))) {
                changed.add(f);
            }
        }
        if (changed.isEmpty()) {
            return false;
        }
        snapshotBulkChanges();
        flush();
        String id = (String) row.get("id");
        keepInsertValues(row, id);
        long c = ++counter;
        long h = store.clock().now();
        lastHlc = h;
        String context = contextOf(table.getName(), id);
        row.set(field(table, "sync_hlc"), h);
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.getName()).append(" SET ");
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Field<?> f : changed) {
            sql.append(f.getName()).append(" = ?, ");
            names.add(f.getName());
            values.add(row.get(f));
        }
        sql.append("sync_hlc = ? WHERE id = ?");
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object v : values) {
                bind(ps, i++, v);
            }
            ps.setLong(i++, h);
            ps.setString(i, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no " + table.getName() + " row with id " + id);
            }
        } catch (SQLException e) {
            throw Store.failed(e);
        }
        String at = HybridClock.toInstant(h).toString();
        for (String col : names) {
            batch(COLUMN_DOT_SQL, new Object[] {table.getName(), id, col, store.selfNode(), c});
            batch(CLOSE_CONFLICT_SQL, new Object[] {userId, at, table.getName(), id, col});
        }
        recordChange(c, table.getName(), id, "UPDATE", h, context, json.columns(names, values));
        for (DerivedIndex index : store.derivedFor(table.getName())) {
            index.afterWrite(this, row, false);
        }
        countRow();
        return true;
    }

    /** Deletes by tombstone, so the deletion merges like any other column. */
    public <R extends TableRecord<R>> void delete(R row) {
        row.set(field(row.getTable(), "deleted"), true);
        update(row);
    }

    // only the columns that have a value: the others take the column default, here and at every
    // node that applies the change
    private static List<Field<?>> presentFields(TableRecord<?> row) {
        List<Field<?>> out = new ArrayList<>();
        for (Field<?> f : row.fields()) {
            if (row.get(f) != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static long presentMask(TableRecord<?> row) {
        long mask = 0;
        Field<?>[] all = row.fields();
        for (int i = 0; i < all.length; i++) {
            if (row.get(all[i]) != null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private static Object[] presentValues(TableRecord<?> row) {
        List<Object> out = new ArrayList<>();
        for (Field<?> f : row.fields()) {
            Object v = row.get(f);
            if (v != null) {
                out.add(v);
            }
        }
        return out.toArray();
    }

    private long maxRowid(Table<?> table) {
        try (Statement st = connection.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT coalesce(max(rowid), 0) FROM " + table.getName())) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    /** Writes the change records of rows inserted in bulk mode, in one statement per table. */
    private void snapshotBulkChanges() {
        if (bulkSince.isEmpty()) {
            return;
        }
        flush();
        for (Map.Entry<Table<?>, Long> e : bulkSince.entrySet()) {
            String t = e.getKey().getName();
            String sql = "INSERT INTO change_log (node_no, counter, tbl, row_id, op, hlc, user_id, tx_id) "
                    + "SELECT sync_node, sync_counter, '" + t + "', id, 'INSERT', sync_hlc, ?, ? FROM " + t
                    + " WHERE rowid > ? ORDER BY rowid";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, 1, userId);
                ps.setString(2, txId);
                ps.setLong(3, e.getValue());
                ps.executeUpdate();
            } catch (SQLException ex) {
                throw Store.failed(ex);
            }
        }
        bulkSince.clear();
    }

    /**
     * Copy on write: before a row's first update, its INSERT record gets the values the row was
     * inserted with (until then the row itself was the record).
     */
    private <R extends TableRecord<R>> void keepInsertValues(R row, String id) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Field<?> f : row.fields()) {
            Object v = row.original(f);
            if (SyncedTables.isDataColumn(f) && v != null) {
                names.add(f.getName());
                values.add(v);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE change_log SET payload = ? WHERE row_id = ? AND op = 'INSERT' AND payload IS NULL")) {
            ps.setString(1, json.columns(names, values));
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    // ---- applying changes received from other nodes (sync import) ----------------------------

    /** This node's local alias ({@code node.node_no}). */
    public int selfNode() {
        return store.selfNode();
    }

    /**
     * Sync import: keeps derived indexes in step after a row was written by applying another
     * node's change ({@code row} holds every column of the row).
     */
    public void reindexRemote(org.jooq.Record row, String table, boolean inserted) {
        for (DerivedIndex index : store.derivedFor(table)) {
            index.afterWrite(this, row, inserted);
        }
    }

    /** Whether a synced table has derived indexes to keep in step (so an import fetches the row only then). */
    public boolean hasDerivedIndex(String table) {
        return !store.derivedFor(table).isEmpty();
    }

    /** Sync import: moves this node's hybrid clock past a timestamp seen in a received change. */
    public void observeClock(long remoteHlc) {
        store.clock().observe(remoteHlc);
    }

    // ---- derived (local, unsynced) tables -------------------------------------------------------

    /** Batched statement on a derived table (search indexes). */
    public void derivedBatch(String sql, Object... args) {
        batch(sql, args);
    }

    /** Immediate statement on a derived table. */
    public int derivedExecute(String sql, Object... args) {
        flush();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                bind(ps, i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    private void recordChange(long c, String tbl, String rowId, String op, long h, String context, String payload) {
        batch(CHANGE_SQL, new Object[] {store.selfNode(), c, tbl, rowId, op, h, userId, txId, context, payload});
    }

    /** The row's causal context: this node's applied prefixes plus any applied dots beyond them. */
    private String contextOf(String tbl, String rowId) {
        Map<Integer, Long> vector = store.prefixVector(dsl, counter - 1);
        List<Dot> extra = new ArrayList<>();
        dsl.select(CHANGE_LOG.NODE_NO, CHANGE_LOG.COUNTER).from(CHANGE_LOG)
                .where(CHANGE_LOG.ROW_ID.eq(rowId))
                .forEach(r -> {
                    if (r.value2() > vector.getOrDefault(r.value1(), 0L)) {
                        extra.add(new Dot(r.value1(), r.value2()));
                    }
                });
        return json.context(vector, extra);
    }

    private void countRow() {
        if (++rowsSinceCommit >= chunkRows) {
            commitChunk();
        }
    }

    /** Commits what is written so far and carries on in a new transaction (bulk mode). */
    void commitChunk() {
        try {
            snapshotBulkChanges();
            flush();
            saveNodeState();
            connection.commit(); // the driver opens the next transaction at once
            store.committed(counter);
            deferForeignKeys();
            rowsSinceCommit = 0;
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    void commit() throws SQLException {
        snapshotBulkChanges();
        flush();
        saveNodeState();
        connection.commit();
        connection.setAutoCommit(true);
        store.committed(counter);
        endLargeCache();
    }

    void rollbackQuietly() {
        for (Batch b : batches.values()) {
            try {
                b.statement.close();
            } catch (SQLException ignored) {
                // the transaction is being abandoned
            }
        }
        batches.clear();
        bulkSince.clear();
        ordered = null;
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // after SQLITE_FULL the rollback itself can fail; SQLite has already undone the work
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the next transaction will reset it
        }
        counter = startCounter;
        endLargeCache();
    }

    private void saveNodeState() {
        dsl.update(NODE)
                .set(NODE.MAX_COUNTER, counter)
                .set(NODE.APPLIED_PREFIX, counter)
                .set(NODE.LAST_HLC, Math.max(lastHlc, store.clock().lastIssued()))
                .where(NODE.NODE_NO.eq(store.selfNode()))
                .execute();
    }

    /** Executes pending batches, parents before children (foreign-key rank), then change records. */
    void flush() {
        if (ordered == null) {
            ordered = new ArrayList<>(batches.values());
            ordered.sort(java.util.Comparator.comparingInt(b -> b.rank));
        }
        try {
            for (Batch b : ordered) {
                if (b.pending > 0) {
                    b.statement.executeBatch();
                    b.pending = 0;
                }
            }
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    private void deferForeignKeys() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
    }

    private void batch(String sql, Object[] values) {
        batch(sql, Integer.MAX_VALUE, values);
    }

    private void batch(String sql, int rank, Object[] values) {
        try {
            Batch b = batches.get(sql);
            if (b == null) {
                b = new Batch(connection.prepareStatement(sql), rank);
                batches.put(sql, b);
                ordered = null;
            }
            for (int i = 0; i < values.length; i++) {
                bind(b.statement, i + 1, values[i]);
            }
            b.statement.addBatch();
            if (++b.pending >= 500) {
                // all tables together, in first-use order, so parents reach the database before
                // their children and no deferred foreign-key violation is ever outstanding
                flush();
            }
        } catch (SQLException e) {
            throw Store.failed(e);
        }
    }

    private record InsertShape(Table<?> table, long columns) {
    }

    private final Map<InsertShape, String> insertSqlCache = new HashMap<>();

    private String insertSql(Table<?> table, List<Field<?>> fields, long mask) {
        return insertSqlCache.computeIfAbsent(new InsertShape(table, mask), shape -> {
            StringBuilder sb = new StringBuilder("INSERT INTO ").append(table.getName()).append(" (");
            StringBuilder q = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
                q.append(i == 0 ? "?" : ", ?");
            }
            return sb.append(") VALUES (").append(q).append(')').toString();
        });
    }

    static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        switch (v) {
            case null -> ps.setNull(i, Types.NULL);
            case String s -> ps.setString(i, s);
            case Boolean b -> ps.setInt(i, b ? 1 : 0);
            case Integer n -> ps.setInt(i, n);
            case Long n -> ps.setLong(i, n);
            case byte[] bytes -> ps.setBytes(i, bytes);
            default -> ps.setObject(i, v);
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private void requireSynced(Table<?> table) {
        if (!store.tables().isSynced(table)) {
            throw new IllegalArgumentException(table.getName() + " is not a synced table");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> field(Table<?> table, String name) {
        return (Field<T>) Objects.requireNonNull(table.field(name), name);
    }
}
