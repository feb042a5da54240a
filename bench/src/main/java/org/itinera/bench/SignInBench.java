package org.itinera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Kdf;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;

/**
 * Sign-in cost. (1) Argon2id (BouncyCastle, as the keyring uses it) for several parameter sets,
 * median of N derivations each. (2) A whole sign-in (keyring unlock, database open, schema check,
 * services, audit entry) on a scratch installation with the product's parameters, and, as the
 * baseline in the same run, the same sign-in with the cheapest Argon2 parameters: the difference
 * is what the key derivation costs. Usage: SignInBench DIR [RUNS]
 */
public final class SignInBench {
    static final List<Argon2Parameters> SETS = List.of(
            new Argon2Parameters(19 * 1024, 2, 1),
            new Argon2Parameters(46 * 1024, 1, 1),
            new Argon2Parameters(64 * 1024, 3, 1),
            Argon2Parameters.DEFAULT,
            new Argon2Parameters(128 * 1024, 3, 4),
            new Argon2Parameters(256 * 1024, 2, 4));

    /** "bench" is part of the shared bench passphrase, which the passphrase policy refuses. */
    static final String USER = "timer";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Files.createDirectories(dir);
        char[] pass = BenchSupport.PASSPHRASE.toCharArray();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Kdf.derive(pass, salt, new Argon2Parameters(8 * 1024, 1, 1)); // class loading, JIT warm-up
        BenchSupport.print("Argon2id (BouncyCastle, one thread), median of " + runs + " derivations:");
        for (Argon2Parameters p : SETS) {
            long[] t = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                Argon2Kdf.derive(pass, salt, p);
                t[i] = System.nanoTime() - s;
            }
            BenchSupport.print(String.format(Locale.ROOT, "  m=%4d MiB t=%d p=%d: p50 %s, max %s%s", p.memoryKiB() / 1024,
                    p.iterations(), p.parallelism(), BenchSupport.ms(BenchSupport.percentile(t, 50)),
                    BenchSupport.ms(BenchSupport.percentile(t, 100)), p.equals(Argon2Parameters.DEFAULT) ? "   <- product" : ""));
        }
        double product = signIns(dir.resolve("default"), Argon2Parameters.DEFAULT, runs);
        double cheap = signIns(dir.resolve("cheap"), Argon2Parameters.FAST_FOR_TESTS, runs);
        BenchSupport.print(String.format(Locale.ROOT,
                "whole sign-in (unlock + open + schema check + audit), p50 of %d: %s with the product parameters; "
                        + "baseline with m=1 MiB t=1: %s; key derivation share %s", runs,
                BenchSupport.ms(product), BenchSupport.ms(cheap), BenchSupport.ms(product - cheap)));
    }

    private static double signIns(Path dir, Argon2Parameters kdf, int runs) {
        Installation inst = new Installation(new DataDirectory(dir), kdf, new ReferenceData(), Clock.systemUTC(),
                new SecureRandom());
        if (!inst.isInitialised()) {
            inst.initialise(new FirstRun(USER, "Benchmark", BenchSupport.PASSPHRASE.toCharArray(), "DKR",
                    "Dakar", "SEN", "en")).close();
        }
        inst.signIn(USER, BenchSupport.PASSPHRASE.toCharArray()).close(); // warm
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            try (Workspace ws = inst.signIn(USER, BenchSupport.PASSPHRASE.toCharArray())) {
                t[i] = System.nanoTime() - s;
            }
        }
        return BenchSupport.percentile(t, 50);
    }
}
