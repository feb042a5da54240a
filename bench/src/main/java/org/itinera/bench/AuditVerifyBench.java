package org.itinera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.audit.AuditVerifier;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.db.EncryptedSqlite;
import org.itinera.core.db.SchemaMigrator;
import org.itinera.core.task.ProgressSink;

/**
 * Audit verification at scale: writes N audit entries (realistic mix: case-file reads, writes,
 * sign-ins, exports; hashes made by AuditLog.hash, as the write path makes them) into a scratch
 * encrypted database, then times the verifier over the whole chain. Baselines in the same run:
 * reading the same rows in the same keyset pages without hashing, and hashing the same canonical
 * text without reading. Usage: AuditVerifyBench DIR [ENTRIES]
 */
public final class AuditVerifyBench {
    private static final String[] ACTIONS = {"PERSON_VIEW", "PERSON_VIEW", "PERSON_VIEW", "PERSON_UPDATE", "CASE_OPEN",
        "CONSENT_VIEW", "SIGN_IN", "HOUSEHOLD_VIEW", "EXPORT", "ACCESS_DENIED"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        Path file = dir.resolve("audit-bench.db");
        Files.deleteIfExists(file);
        SecureRandom random = new SecureRandom();
        DatabaseKey key = DatabaseKey.generate(random);
        byte[] raw = key.bytes();
        try (Database db = Database.create(file, key)) {
            new SchemaMigrator(Clock.systemUTC()).migrate(db, dir.resolve("backups"));
            long w0 = System.nanoTime();
            AuditLog.Head head;
            try (Connection c = EncryptedSqlite.openExisting(file, new DatabaseKey(raw))) {
                head = write(c, n);
            }
            double writeS = (System.nanoTime() - w0) / 1e9;
            BenchSupport.print(String.format(Locale.ROOT, "wrote %,d audit entries in %.1f s (%,.0f entries/s); database %,d MB",
                    n, writeS, n / writeS, Files.size(file) / 1_000_000));

            AuditVerifier verifier = new AuditVerifier();
            db.read(dsl -> verifier.verify(dsl, Optional.empty(), ProgressSink.NONE)); // warm: JIT and page cache
            for (int run = 1; run <= 3; run++) {
                long v0 = System.nanoTime();
                AuditVerifier.Result r = db.read(dsl -> verifier.verify(dsl, Optional.of(head), ProgressSink.NONE));
                double s = (System.nanoTime() - v0) / 1e9;
                BenchSupport.print(String.format(Locale.ROOT,
                        "verify run %d: %,d entries in %.2f s = %,.0f entries/s; intact=%s", run, r.entriesChecked(), s,
                        r.entriesChecked() / s, r.intact()));
            }
            long r0 = System.nanoTime();
            long read = db.read(AuditVerifyBench::readOnly);
            double readS = (System.nanoTime() - r0) / 1e9;
            BenchSupport.print(String.format(Locale.ROOT,
                    "baseline, same pages read without hashing: %,d rows in %.2f s = %,.0f rows/s", read, readS, read / readS));
            long h0 = System.nanoTime();
            hashOnly(n);
            double hashS = (System.nanoTime() - h0) / 1e9;
            BenchSupport.print(String.format(Locale.ROOT,
                    "baseline, SHA-256 of the same canonical text without reading: %,d in %.2f s = %,.0f hashes/s", n,
                    hashS, n / hashS));
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** Batched inserts with the chain's own hash function, in transactions of 50,000. */
    private static AuditLog.Head write(Connection c, int n) throws Exception {
        c.setAutoCommit(false);
        String prev = AuditLog.GENESIS;
        Instant at = Instant.parse("2026-01-01T08:00:00Z");
        String[] users = new String[25];
        for (int i = 0; i < users.length; i++) {
            users[i] = UUID.randomUUID().toString();
        }
        SplittableIds ids = new SplittableIds();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (seq, at, user_id, action, entity_type, "
                + "entity_id, outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int seq = 1; seq <= n; seq++) {
                at = at.plusMillis(1 + seq % 5000);
                String action = ACTIONS[seq % ACTIONS.length];
                AuditEvent e = new AuditEvent(action, "person", ids.next(),
                        "ACCESS_DENIED".equals(action) ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.OK,
                        "EXPORT".equals(action) ? "kind=partner-exchange; persons=12; excluded=3" : null);
                String user = users[seq % users.length];
                String when = at.toString();
                String hash = AuditLog.hash(prev, seq, when, user, e);
                ps.setInt(1, seq);
                ps.setString(2, when);
                ps.setString(3, user);
                ps.setString(4, e.action());
                ps.setString(5, e.entityType());
                ps.setString(6, e.entityId());
                ps.setString(7, e.outcome().name());
                ps.setString(8, e.detail());
                ps.setString(9, prev);
                ps.setString(10, hash);
                ps.addBatch();
                prev = hash;
                if (seq % 1000 == 0) {
                    ps.executeBatch();
                }
                if (seq % 50_000 == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        return new AuditLog.Head(n, prev);
    }

    /** The verifier's reads (same statement, same pages), every column fetched, nothing hashed. */
    private static long readOnly(org.jooq.DSLContext dsl) {
        return dsl.connectionResult(c -> {
            long count = 0;
            long after = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, user_id, action, entity_type, entity_id, outcome, "
                    + "detail, prev_hash, hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT 10000")) {
                while (true) {
                    ps.setLong(1, after);
                    int rows = 0;
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            after = rs.getLong(1);
                            for (int i = 2; i <= 10; i++) {
                                rs.getString(i);
                            }
                            count++;
                        }
                    }
                    if (rows == 0) {
                        return count;
                    }
                }
            }
        });
    }

    private static void hashOnly(int n) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        String prev = AuditLog.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String canonical = String.join("\u001f", prev, Integer.toString(seq), "2026-01-01T08:00:00.123Z",
                    "0192c0de-0000-7000-8000-000000000000", "PERSON_VIEW", "person", "0192c0de-0000-7000-8000-000000000001",
                    "OK", "\u0000");
            prev = HexFormat.of().formatHex(md.digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Cheap unique ids shaped like UUIDv7 text. */
    private static final class SplittableIds {
        private final java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);

        String next() {
            return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
        }
    }

}
