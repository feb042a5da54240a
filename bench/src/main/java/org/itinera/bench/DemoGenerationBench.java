package org.itinera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.db.EncryptedSqlite;
import org.itinera.core.demo.DemoSummary;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Workspace;

/**
 * Generates N demo persons into a fresh encrypted database and, as the baseline in the same run,
 * batch-inserts as many rows as the generator wrote into a plain 10-column table of another
 * encrypted database. Usage: DemoGenerationBench DIR PERSONS
 */
public final class DemoGenerationBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int persons = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        DemoSummary s;
        try (Workspace ws = BenchSupport.openOrCreate(dir.resolve("demo"))) {
            long t1 = System.nanoTime();
            s = ws.demoData(2026).generate(ws.actor(), persons, ProgressSink.NONE);
            BenchSupport.print(String.format(Locale.ROOT,
                    "generate %,d persons: %.1f s (setup %.1f s); %,d synced rows + change records; %,d households, %,d cases, %,d movements, %,d planted duplicates; %.0f synced rows/s",
                    s.persons(), s.took().toMillis() / 1000.0, (t1 - t0) / 1e9, s.rowsWritten(), s.households(), s.cases(),
                    s.movements(), s.plannedDuplicates(), s.rowsWritten() / (s.took().toMillis() / 1000.0)));
        }
        long dbBytes = Files.size(dir.resolve("demo/itinera.db"));
        BenchSupport.print(String.format(Locale.ROOT, "database file: %,d MB", dbBytes / 1_000_000));
        double baseline = baselineRowsPerSecond(dir.resolve("baseline.db"), s.rowsWritten());
        double ours = s.rowsWritten() / (s.took().toMillis() / 1000.0);
        BenchSupport.print(String.format(Locale.ROOT,
                "baseline: plain batched INSERT of %,d rows x 10 columns into an encrypted DB: %.0f rows/s; generator/baseline = %.2f",
                s.rowsWritten(), baseline, ours / baseline));
    }

    static double baselineRowsPerSecond(Path file, long rows) throws Exception {
        Files.deleteIfExists(file);
        try (DatabaseKey key = DatabaseKey.generate(new java.security.SecureRandom());
             Connection c = EncryptedSqlite.create(file, key)) {
            return BenchSupport.batchedInsertRowsPerSecond(c, "t", rows, 25_000);
        }
    }
}
