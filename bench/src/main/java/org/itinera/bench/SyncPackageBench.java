package org.itinera.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.itinera.core.store.IdGenerator;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.pkg.Manifest;
import org.itinera.sync.pkg.OutgoingPackage;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageReader;
import org.itinera.sync.pkg.PackageStart;
import org.itinera.sync.pkg.PackageSummary;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.pkg.ReadOutcome;
import org.itinera.sync.pkg.VerifiedPackage;
import org.itinera.sync.pkg.WrittenPackage;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustSnapshot;

/**
 * Writes and reads one package of N synthetic person changes (≈ 200–400 byte lines) and, as the
 * baseline in the same run, a plain deflated ZIP of the same lines (no encryption, signature or
 * checks). Reports ms, MB/s of change-line bytes, and package bytes per 1,000 changes.
 * Usage: SyncPackageBench DIR [CHANGES=100000] [RUNS=3]
 */
public final class SyncPackageBench {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dir);
        IdGenerator ids = new IdGenerator(Clock.systemUTC(), RANDOM);
        SigningKey laptopKey = SigningKey.generate(RANDOM);
        AgeIdentity laptopAge = AgeIdentity.generate();
        AgeIdentity hubAge = AgeIdentity.generate();
        SigningKey hubKey = SigningKey.generate(RANDOM);
        String laptop = ids.next();
        String hub = ids.next();
        Fingerprint fp = Fingerprint.ofDevice(laptopKey.publicKey(), laptopAge.recipient());
        SigningKey root = SigningKey.generate(RANDOM);
        TrustBundle bundle = new TrustBundle(TrustBundle.FORMAT, 1, "2026-11-23T00:00:00Z", root.publicKey().keyIdHex(),
                List.of(), List.of(node(laptop, NodeKind.LAPTOP, laptopKey, laptopAge), node(hub, NodeKind.HUB, hubKey, hubAge)),
                List.of());
        TrustSnapshot trust = new TrustSnapshot(Optional.of(root.publicKey()), TrustBundle.open(
                SignedDocument.sign(root, bundle.toJson(), "bench"), root.publicKey()));
        // generated once, so the timings below are the writer's and reader's, not the generator's
        // (the writer itself keeps no line after appending it)
        List<byte[]> generated = new ArrayList<>(changes);
        long lineBytes = 0;
        for (int i = 1; i <= changes; i++) {
            generated.add(line(laptop, i));
            lineBytes += generated.getLast().length + 1;
        }
        BenchSupport.print(String.format(Locale.ROOT, "%,d changes, %,d bytes of change lines (%.0f bytes/line)", changes,
                lineBytes, lineBytes / (double) changes));

        List<Double> writeMs = new ArrayList<>();
        List<Double> readMs = new ArrayList<>();
        List<Double> plainWriteMs = new ArrayList<>();
        List<Double> plainReadMs = new ArrayList<>();
        long packageBytes = 0;
        long plainBytes = 0;
        for (int run = 0; run <= runs; run++) { // run 0 warms up
            Path out = Files.createDirectories(dir.resolve("run" + run));
            PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT.withTargetPackageBytes(128L * 1024 * 1024));
            long t0 = System.nanoTime();
            WrittenPackage w;
            PackageStart start = new PackageStart(ids.next(), new Manifest.Sender(laptop, fp.value(), 1), hub, 1,
                    Manifest.NO_PREVIOUS, 1, System.currentTimeMillis() << 16);
            try (OutgoingPackage p = writer.open(out, start, List.of(hubAge.recipient()), laptopKey)) {
                for (int i = 1; i <= changes; i++) {
                    if (!p.append(generated.get(i - 1))) {
                        throw new IllegalStateException("package full");
                    }
                }
                w = p.finish(new PackageSummary(Map.of(laptop, (long) changes), Map.of(laptop,
                        new Manifest.CounterRange(1, changes)), Map.of("person", (long) changes), "0".repeat(64),
                        Optional.empty(), Optional.empty()));
            }
            long t1 = System.nanoTime();
            PackageReader reader = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), RANDOM);
            long lines = 0;
            ReadOutcome o = reader.read(w.file(), hub, List.of(hubAge), trust);
            try (VerifiedPackage v = (VerifiedPackage) o; VerifiedPackage.ChangeLines in = v.changeLines()) {
                while (in.next() != null) {
                    lines++;
                }
            }
            long t2 = System.nanoTime();
            if (lines != changes) {
                throw new IllegalStateException("read " + lines + " lines");
            }
            Path plain = out.resolve("plain.zip");
            try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(plain), 1 << 16))) {
                z.putNextEntry(new ZipEntry("changes.ndjson"));
                for (int i = 1; i <= changes; i++) {
                    z.write(generated.get(i - 1));
                    z.write('\n');
                }
                z.closeEntry();
            }
            long t3 = System.nanoTime();
            long plainLines = 0;
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(plain))) {
                z.getNextEntry();
                BufferedReader r = new BufferedReader(new InputStreamReader(z, StandardCharsets.UTF_8), 1 << 16);
                while (r.readLine() != null) {
                    plainLines++;
                }
            }
            long t4 = System.nanoTime();
            if (plainLines != changes) {
                throw new IllegalStateException("baseline read " + plainLines);
            }
            if (run > 0) {
                writeMs.add((t1 - t0) / 1e6);
                readMs.add((t2 - t1) / 1e6);
                plainWriteMs.add((t3 - t2) / 1e6);
                plainReadMs.add((t4 - t3) / 1e6);
            }
            packageBytes = w.fileBytes();
            plainBytes = Files.size(plain);
            deleteTree(out);
        }
        report("package write", writeMs, lineBytes);
        report("package read+verify+iterate", readMs, lineBytes);
        report("baseline plain ZIP write", plainWriteMs, lineBytes);
        report("baseline plain ZIP read", plainReadMs, lineBytes);
        BenchSupport.print(String.format(Locale.ROOT, "package: %,d bytes = %,.0f bytes per 1,000 changes (plain ZIP %,.0f)",
                packageBytes, packageBytes * 1000.0 / changes, plainBytes * 1000.0 / changes));
    }

    private static void report(String what, List<Double> ms, long bytes) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        BenchSupport.print(String.format(Locale.ROOT, "%-30s median %8.0f ms  (%s)  %6.1f MB/s of change lines", what, median,
                String.join(", ", ms.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()),
                bytes / 1e6 / (median / 1000)));
    }

    /** A person change as the change feed would write it: dot, table, id, op, context, columns, user. */
    static byte[] line(String node, long counter) {
        UUID id = new UUID(0x01a2_0000_0000_7000L | (counter & 0xfff), 0x8000_0000_0000_0000L | (counter * 0x9E3779B97F4A7C15L >>> 2));
        String s = "{\"dot\":[\"" + node + "\"," + counter + "],\"tbl\":\"person\",\"id\":\"" + id
                + "\",\"op\":\"" + (counter % 3 == 0 ? "INSERT" : "UPDATE") + "\",\"hlc\":" + (117_666_921_393_618_944L + counter)
                + ",\"ctx\":{\"v\":{\"" + node + "\":" + (counter - 1) + "}},\"cols\":{\"given_name\":\"" + GIVEN[(int) (counter % GIVEN.length)]
                + "\",\"family_name\":\"" + FAMILY[(int) (counter * 7 % FAMILY.length)] + "\",\"birth_year\":" + (1960 + counter % 50)
                + (counter % 3 == 0 ? ",\"nationality\":\"MLI\",\"sex\":\"F\",\"phone\":\"+223 76 " + (100000 + counter % 900000) + "\"" : "")
                + "},\"user\":\"01a20971-0646-729d-933c-" + String.format("%012x", counter % 97) + "\",\"tx\":\"" + id + "\"}";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] GIVEN = {"Aminata", "Moussa", "Fatoumata", "Ibrahima", "Mariam", "Oumar", "Awa", "Abdoulaye",
        "Kadiatou", "Mamadou", "Hawa", "Seydou"};
    private static final String[] FAMILY = {"Diallo", "Traoré", "Keïta", "Coulibaly", "Camara", "Sow", "Touré", "Cissé",
        "Sangaré", "Konaté", "Diarra"};

    private static TrustBundle.NodeKey node(String id, NodeKind kind, SigningKey key, AgeIdentity age) {
        return new TrustBundle.NodeKey(id, kind.name(), kind, key.publicKey().keyIdHex(), key.publicKey().minisignBase64(),
                age.recipient().value(), Fingerprint.ofDevice(key.publicKey(), age.recipient()).value());
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            s.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private SyncPackageBench() {
    }
}
