package org.itinera.core.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.itinera.core.i18n.UserMessage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * An open, unlocked database: one write connection behind a lock (SQLite allows one writer) and a
 * few read connections (WAL lets them read while a write is in progress).
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 3;

    private final Path file;
    private final DatabaseKey key;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    // LIFO: the most recently used connection has the warmest page cache
    private final java.util.concurrent.BlockingDeque<Connection> readers = new java.util.concurrent.LinkedBlockingDeque<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final Settings settings = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false)
            .withDiagnosticsLogging(false);
    private volatile boolean closed;

    private Database(Path file, DatabaseKey key, Connection writer) {
        this.file = file;
        this.key = key;
        this.writer = writer;
    }

    /** Opens an existing database with its key. The key object is owned (and wiped) by the Database. */
    public static Database open(Path file, DatabaseKey key) {
        return new Database(file, key, EncryptedSqlite.openExisting(file, key));
    }

    /** Creates a new database file. */
    public static Database create(Path file, DatabaseKey key) {
        return new Database(file, key, EncryptedSqlite.create(file, key));
    }

    public Path file() {
        return file;
    }

    /** A new connection with the same key, for tools that manage their own (Flyway). */
    Connection openExtraConnection() {
        return EncryptedSqlite.openExisting(file, key);
    }

    /** Runs a read on a pooled read connection. Must not write. */
    public <T> T read(Function<DSLContext, T> work) {
        ensureOpen();
        Connection c = borrowReader();
        try {
            return work.apply(DSL.using(c, SQLDialect.SQLITE, settings));
        } catch (DataAccessException e) {
            throw translate(e);
        } finally {
            readers.offerFirst(c);
        }
    }

    /**
     * Runs work holding the single write connection. Only the store's write path and migrations
     * call this (checked by an architecture test); they own transactions themselves.
     */
    public <T> T withWriter(WriterWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            return work.run(writer, DSL.using(writer, SQLDialect.SQLITE, settings));
        } catch (SQLException e) {
            throw EncryptedSqlite.translate(e, file);
        } catch (DataAccessException e) {
            throw translate(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the calling thread holds the write connection right now. */
    public boolean writingOnThisThread() {
        return writeLock.isHeldByCurrentThread();
    }

    @FunctionalInterface
    public interface WriterWork<T> {
        T run(Connection connection, DSLContext dsl) throws SQLException;
    }

    public DatabaseException translate(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        return sql != null ? EncryptedSqlite.translate(sql, file)
                : new DatabaseException(UserMessage.of("db.error.unexpected", e.getClass().getSimpleName()), e);
    }

    /** Moves everything from the WAL into the main file and truncates the WAL (before a file copy). */
    public void checkpoint() {
        withWriter((c, dsl) -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    private Connection borrowReader() {
        Connection c = readers.pollFirst();
        if (c != null) {
            return c;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                Connection fresh = EncryptedSqlite.openExisting(file, key);
                allReaders.add(fresh);
                return fresh;
            }
        }
        try {
            return readers.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(UserMessage.of("db.error.interrupted"), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        try {
            closed = true;
            synchronized (allReaders) {
                allReaders.forEach(EncryptedSqlite::closeQuietly);
                allReaders.clear();
            }
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // closing anyway; SQLite checkpoints on the last close too
            }
            EncryptedSqlite.closeQuietly(writer);
            key.destroy();
        } finally {
            writeLock.unlock();
        }
    }
}
