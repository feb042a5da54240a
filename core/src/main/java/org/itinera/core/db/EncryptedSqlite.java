package org.itinera.core.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.itinera.core.i18n.UserMessage;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCChacha20Config;

/**
 * The only class that knows how the encrypting SQLite driver (SQLite3MultipleCiphers, via
 * io.github.willena:sqlite-jdbc) is keyed and tuned. Keeping it here means a newer build of the
 * driver drops in by changing one version number. See docs/decisions/0003-encrypted-database.md.
 */
public final class EncryptedSqlite {
    /** The page cache of every connection, in KiB. */
    public static final int CACHE_KIB = 16_000;

    private EncryptedSqlite() {
    }

    /** Opens an existing database; never creates one, so a wrong path or key cannot lose data. */
    public static Connection openExisting(Path file, DatabaseKey key) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException(UserMessage.of("db.error.missing", file.toString()), null);
        }
        return open(file, key, false);
    }

    /** Creates a new, empty encrypted database; refuses when the file already exists. */
    public static Connection create(Path file, DatabaseKey key) {
        if (Files.exists(file)) {
            throw new DatabaseException(UserMessage.of("db.error.exists", file.toString()), null);
        }
        return open(file, key, true);
    }

    private static Connection open(Path file, DatabaseKey key, boolean create) {
        byte[] raw = key.bytes();
        // the driver applies cipher and key first, before any pragma or read touches a page;
        // a raw key (x'…') bypasses SQLite3MultipleCiphers' own passphrase KDF: ours is Argon2id
        SQLiteConfig config = SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(raw).build();
        java.util.Arrays.fill(raw, (byte) 0);
        // writers take the lock when the transaction begins, not half-way through it
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
            try (Statement st = connection.createStatement()) {
                // the first read proves the key: a wrong one fails here with SQLITE_NOTADB
                st.executeQuery("SELECT count(*) FROM sqlite_master").close();
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA busy_timeout = 15000");
                // never spill plaintext temp tables or sort runs to disk
                st.execute("PRAGMA temp_store = MEMORY");
                st.execute("PRAGMA cache_size = -" + CACHE_KIB);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(e, file);
        }
    }

    /** Maps driver errors a user can cause to plain messages; everything else stays technical. */
    public static DatabaseException translate(SQLException e, Path file) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        int primary = code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new DatabaseException(UserMessage.of("db.error.wrongKey"), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new DatabaseException(UserMessage.of("db.error.diskFull", String.valueOf(file.getParent())), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new DatabaseException(UserMessage.of("db.error.cantOpen", file.toString()), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new DatabaseException(UserMessage.of("db.error.corrupt", file.toString()), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new DatabaseException(UserMessage.of("db.error.readOnly", file.toString()), e);
        }
        return new DatabaseException(UserMessage.of("db.error.unexpected", e.getClass().getSimpleName()), e);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the original error is what the user needs
            }
        }
    }
}
