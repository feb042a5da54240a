package org.itinera.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;

/** Shared set-up for the harnesses: a real installation in a folder, and percentile arithmetic. */
final class BenchSupport {
    static final String USER = "bench";
    static final String PASSPHRASE = "quiet harbour lanterns measure twelve tides";

    private BenchSupport() {
    }

    static Installation installation(Path dir) {
        return new Installation(new DataDirectory(dir), Argon2Parameters.DEFAULT, new ReferenceData(),
                Clock.systemUTC(), new SecureRandom());
    }

    static Workspace openOrCreate(Path dir) {
        Installation inst = installation(dir);
        if (inst.isInitialised()) {
            return inst.signIn(USER, PASSPHRASE.toCharArray());
        }
        return inst.initialise(new FirstRun(USER, "Benchmark", PASSPHRASE.toCharArray(), "DKR", "Dakar", "SEN", "en"));
    }

    /**
     * The baselines' plain batched INSERT: creates {@code table} with ten columns on {@code c} and
     * inserts {@code rows} rows in batches of 500, committing every {@code commitEvery} rows and at the
     * end. Returns rows per second. Leaves the connection in manual-commit mode.
     */
    static double batchedInsertRowsPerSecond(Connection c, String table, long rows, long commitEvery) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d INTEGER, e INTEGER, "
                    + "f TEXT, g TEXT, h INTEGER, i TEXT)");
        }
        c.setAutoCommit(false);
        long t = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (long n = 0; n < rows; n++) {
                ps.setString(1, String.format(Locale.ROOT, "0192%012d-7000-8000-%012d", n, n));
                ps.setString(2, "Given" + (n % 997));
                ps.setString(3, "Family" + (n % 1009));
                ps.setString(4, "SEN");
                ps.setLong(5, n);
                ps.setLong(6, n * 7);
                ps.setString(7, "1990-01-01");
                ps.setString(8, "YEAR");
                ps.setLong(9, 1);
                ps.setString(10, "{\"given_name\":\"x\"}");
                ps.addBatch();
                if (n % 500 == 499) {
                    ps.executeBatch();
                }
                if (n % commitEvery == commitEvery - 1) {
                    c.commit();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        return rows / ((System.nanoTime() - t) / 1e9);
    }

    static double percentile(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    static void print(String line) {
        System.out.println(line); // NOPMD: a benchmark reports on stdout
    }
}
