package org.itinera.core.db;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.itinera.core.i18n.UserMessage;
import org.itinera.schema.SchemaVersion;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to {@link SchemaVersion#LATEST}, one migration at a time, copying the
 * (encrypted) database file to the backups folder before each one. Does nothing, and costs no
 * Flyway start-up, when the database is already current.
 */
public final class SchemaMigrator {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public SchemaMigrator(Clock clock) {
        this.clock = clock;
    }

    public record Result(int fromVersion, int toVersion, List<Path> backups) {
    }

    public int currentVersion(Database db) {
        return db.withWriter((c, dsl) -> currentVersion(c));
    }

    public Result migrate(Database db, Path backupDir) {
        return migrate(db, backupDir, SchemaVersion.LATEST);
    }

    /** Migrates up to {@code upTo} only (tests build older databases with it). */
    Result migrate(Database db, Path backupDir, int upTo) {
        return db.withWriter((c, dsl) -> {
            int from = currentVersion(c);
            if (from > SchemaVersion.LATEST) {
                throw new DatabaseException(UserMessage.of("db.error.newerSchema", from, SchemaVersion.LATEST), null);
            }
            List<Path> backups = new ArrayList<>();
            java.util.Set<Integer> applied = appliedVersions(c);
            if (SchemaVersion.ALL.stream().filter(v -> v <= upTo).allMatch(applied::contains)) {
                return new Result(from, from, backups); // the usual start: Flyway is not even loaded
            }
            DataSource ds = new KeyedDataSource(db);
            MigrationInfo[] pending = flyway(ds, MigrationVersion.fromVersion(Integer.toString(upTo))).info().pending();
            for (MigrationInfo m : pending) {
                if (from > 0 || m != pending[0]) {
                    backups.add(backup(c, db.file(), backupDir, m.getVersion().getVersion()));
                }
                LOG.info("Applying schema migration V{}", m.getVersion().getVersion());
                flyway(ds, m.getVersion()).migrate();
            }
            return new Result(from, upTo, backups);
        });
    }

    private Flyway flyway(DataSource ds, MigrationVersion target) {
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .cleanDisabled(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static java.util.Set<Integer> appliedVersions(Connection c) throws SQLException {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        if (currentVersion(c) == 0) {
            return out;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(version AS INTEGER) FROM flyway_schema_history "
                     + "WHERE success = 1 AND version IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet exists = st.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private Path backup(Connection c, Path dbFile, Path backupDir, String version) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path target = backupDir.resolve("itinera-before-V" + version + "-" + STAMP.format(clock.instant()) + ".db");
        try {
            Files.createDirectories(backupDir);
            Files.copy(dbFile, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new DatabaseException(UserMessage.of("db.error.backupFailed", backupDir.toString()), e);
        }
        LOG.info("Backed up the database before migration V{} ({} bytes)", version, target.toFile().length());
        return target;
    }

    /** Hands Flyway fresh keyed connections to the same file. */
    private record KeyedDataSource(Database db) implements DataSource {
        @Override
        public Connection getConnection() {
            return db.openExtraConnection();
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("org.itinera");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
