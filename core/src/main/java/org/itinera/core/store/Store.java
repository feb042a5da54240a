package org.itinera.core.store;

import static org.itinera.schema.jooq.Tables.NODE;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.itinera.core.access.Actor;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseException;
import org.itinera.core.i18n.UserMessage;
import org.itinera.schema.jooq.tables.records.NodeRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes. Every change to a synced table goes through a {@link WriteTx} opened
 * here, which records the change (dot, context, columns) for sync, keeps derived search indexes in
 * step, and appends the audit entry, all in the same transaction.
 */
public final class Store {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Database db;
    private final AuditLog audit;
    private final HybridClock hlc;
    private final IdGenerator ids;
    private final SyncedTables tables;
    private final Map<String, List<DerivedIndex>> derived;
    private final int selfNode;
    private long committedCounter;

    private Store(Database db, AuditLog audit, HybridClock hlc, IdGenerator ids, SyncedTables tables,
                  List<DerivedIndex> derived, int selfNode, long counter) {
        this.db = db;
        this.audit = audit;
        this.hlc = hlc;
        this.ids = ids;
        this.tables = tables;
        this.derived = derived.stream().collect(Collectors.groupingBy(DerivedIndex::table));
        this.selfNode = selfNode;
        this.committedCounter = counter;
    }

    /** Opens the store on a database whose own node has been set up ({@link NodeSetup}). */
    public static Store open(Database db, AuditLog audit, Clock wall, IdGenerator ids, List<DerivedIndex> derived) {
        NodeRecord self = db.read(dsl -> dsl.selectFrom(NODE).where(NODE.IS_SELF.isTrue()).fetchOne());
        if (self == null) {
            throw new IllegalStateException("database has no node identity; run NodeSetup first");
        }
        return new Store(db, audit, new HybridClock(wall, self.getLastHlc()), ids, new SyncedTables(),
                derived, self.getNodeNo(), self.getMaxCounter());
    }

    public <T> T read(Function<DSLContext, T> work) {
        return db.read(work);
    }

    /** One transaction: the work's writes, their change records and one audit entry commit together. */
    public <T> T write(Actor actor, AuditEvent event, Function<WriteTx, T> work) {
        return write(actor, event, null, work);
    }

    private <T> T write(Actor actor, AuditEvent event, java.time.Instant at, Function<WriteTx, T> work) {
        if (db.writingOnThisThread()) {
            // a transaction inside a transaction would commit the outer one half-done
            throw new IllegalStateException("store.write called inside a write transaction");
        }
        return db.withWriter((connection, dsl) -> {
            WriteTx tx = new WriteTx(this, connection, dsl, committedCounter);
            try {
                tx.begin();
                tx.attributeTo(actor.isSystem() ? actor.username() : actor.userId());
                T result = work.apply(tx);
                tx.flush();
                if (at == null) {
                    audit.append(tx.dslNoFlush(), actor, event);
                } else {
                    audit.append(tx.dslNoFlush(), actor, event, at);
                }
                tx.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                tx.rollbackQuietly();
                throw e;
            }
        });
    }

    /**
     * Long writes (demo data, large imports) committed in chunks of about {@code chunkRows} rows so
     * the WAL stays small; one audit entry at the end. A failure keeps earlier chunks.
     */
    public void bulk(Actor actor, AuditEvent event, int chunkRows, Consumer<WriteTx> work) {
        db.withWriter((connection, dsl) -> {
            WriteTx tx = new WriteTx(this, connection, dsl, committedCounter);
            tx.chunkRows(chunkRows);
            try {
                tx.begin();
                tx.attributeTo(actor.isSystem() ? actor.username() : actor.userId());
                work.accept(tx);
                tx.flush();
                audit.append(tx.dslNoFlush(), actor, event);
                tx.commit();
                return null;
            } catch (RuntimeException | SQLException e) {
                tx.rollbackQuietly();
                throw e;
            }
        });
    }

    /** An audit entry with no data change (reads of case files, denied attempts, sign-ins). */
    public void auditOnly(Actor actor, AuditEvent event) {
        write(actor, event, tx -> null);
    }

    /** An audit entry dated when the event happened (a failed sign-in, written at the next sign-in). */
    public void auditOnly(Actor actor, AuditEvent event, java.time.Instant occurredAt) {
        write(actor, event, occurredAt, tx -> null);
    }

    /** Whether this thread is inside a write transaction (where no second one may start). */
    public boolean writingOnThisThread() {
        return db.writingOnThisThread();
    }

    // ---- used by WriteTx ----------------------------------------------------------------------

    int selfNode() {
        return selfNode;
    }

    HybridClock clock() {
        return hlc;
    }

    SyncedTables tables() {
        return tables;
    }

    List<DerivedIndex> derivedFor(String table) {
        return derived.getOrDefault(table, List.of());
    }

    void committed(long counter) {
        committedCounter = counter;
    }

    /** Version vector of what this node has applied: own counter, and every peer's gap-free prefix. */
    Map<Integer, Long> prefixVector(DSLContext dsl, long ownCounter) {
        Map<Integer, Long> v = new HashMap<>();
        dsl.select(NODE.NODE_NO, NODE.APPLIED_PREFIX).from(NODE).forEach(r -> v.put(r.value1(), r.value2()));
        v.put(selfNode, ownCounter);
        return v;
    }

    public IdGenerator ids() {
        return ids;
    }

    public long lastCounter() {
        return committedCounter;
    }

    static DatabaseException failed(SQLException e) {
        LOG.warn("write failed: {}", e.getMessage());
        return new DatabaseException(UserMessage.of("db.error.unexpected", e.getClass().getSimpleName()), e);
    }
}
