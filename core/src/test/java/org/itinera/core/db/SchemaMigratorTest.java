package org.itinera.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Statement;
import org.itinera.core.testing.MutableClock;
import org.itinera.schema.SchemaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final byte[] rawKey = new byte[32];

    {
        new SecureRandom().nextBytes(rawKey);
    }

    @Test
    void anOlderDatabaseIsBackedUpEncryptedBeforeEachMigrationAndKeepsItsData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("itinera.db");
        try (Database db = Database.create(file, new DatabaseKey(rawKey))) {
            new SchemaMigrator(clock).migrate(db, dir.resolve("backups"), 1);
            db.withWriter((c, dsl) -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO office (id, code, name, country, sync_node, sync_counter, sync_hlc) "
                            + "VALUES ('o1', 'DKR', 'Zanzibarqueen office', 'SEN', 1, 1, 1)");
                }
                return null;
            });
        }
        try (Database db = Database.open(file, new DatabaseKey(rawKey))) {
            SchemaMigrator.Result r = new SchemaMigrator(clock).migrate(db, dir.resolve("backups"));
            assertThat(r.fromVersion()).isEqualTo(1);
            assertThat(r.toVersion()).isEqualTo(SchemaVersion.LATEST);
            assertThat(r.backups()).isNotEmpty().allSatisfy(b -> assertThat(b).exists());
            assertThat(new SchemaMigrator(clock).currentVersion(db)).isEqualTo(SchemaVersion.LATEST);
            assertThat((Object) db.read(dsl -> dsl.fetchValue("SELECT name FROM office WHERE id = 'o1'"))).isEqualTo("Zanzibarqueen office");
        }
        Path firstBackup = java.util.Arrays.stream(dir.resolve("backups").toFile().listFiles()).map(java.io.File::toPath).min(java.util.Comparator.comparing(java.nio.file.Path::toString)).orElseThrow();
        assertThat(new String(Files.readAllBytes(firstBackup), StandardCharsets.ISO_8859_1)).doesNotContain("Zanzibarqueen");
        try (Database backup = Database.open(firstBackup, new DatabaseKey(rawKey))) {
            assertThat(new SchemaMigrator(clock).currentVersion(backup)).isEqualTo(1);
            assertThat((Object) backup.read(dsl -> dsl.fetchValue("SELECT name FROM office WHERE id = 'o1'"))).isEqualTo("Zanzibarqueen office");
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("itinera.db");
        try (Database db = Database.create(file, new DatabaseKey(rawKey))) {
            new SchemaMigrator(clock).migrate(db, dir.resolve("backups"));
            db.withWriter((c, dsl) -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                            + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                            + "'V99__future.sql', 0, 'test', 0, 1)");
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        byte[] before = Files.readAllBytes(file);
        try (Database db = Database.open(file, new DatabaseKey(rawKey))) {
            assertThatThrownBy(() -> new SchemaMigrator(clock).migrate(db, dir.resolve("backups")))
                    .isInstanceOf(DatabaseException.class)
                    .extracting(e -> ((DatabaseException) e).userMessage().key()).isEqualTo("db.error.newerSchema");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
