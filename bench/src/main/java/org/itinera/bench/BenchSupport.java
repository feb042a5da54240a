package org.itinera.bench;

import java.nio.file.Path;
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
