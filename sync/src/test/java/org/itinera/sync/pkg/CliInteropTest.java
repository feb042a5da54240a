package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.itinera.sync.testing.HostilePackages;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format is the standard one: the real {@code age}, {@code minisign} and {@code unzip} tools
 * (Debian packages; CI installs them) open what the writer makes, and the reader takes a package
 * whose outer layer the {@code age} tool made.
 */
class CliInteropTest {
    @TempDir
    Path dir;

    final TestNode laptop = TestNode.create("Gao laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("Bamako hub", NodeKind.HUB);

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void toolsPresent() {
        for (String tool : List.of("age", "minisign", "unzip")) {
            assumeTrue(onPath(tool), tool + " is not installed (apt-get install age minisign unzip)");
        }
    }

    static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }

    Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyWrittenPackageDecryptsWithAgeVerifiesWithMinisignAndListsWithUnzip() throws Exception {
        byte[] scan = new byte[5000];
        SyncFixtures.RANDOM.nextBytes(scan);
        String sha = HostilePackages.sha256(scan);
        WrittenPackage w = SyncFixtures.write(dir.resolve("out"), laptop, hub, 200,
                List.of(new Attachment(sha, scan.length, () -> new java.io.ByteArrayInputStream(scan))));
        Path identity = dir.resolve("hub.key");
        Files.write(identity, hub.age().encoded());

        Run age = run("age", "-d", "-i", identity.toString(), "-o", "inner.zip", w.file().toString());
        assertThat(age.exit()).as(age.out()).isZero();

        Run list = run("unzip", "-l", "inner.zip");
        assertThat(list.exit()).as(list.out()).isZero();
        assertThat(list.out()).contains("changes.ndjson", "manifest.json", "manifest.json.minisig", "att/" + sha);
        Run test = run("unzip", "-t", "inner.zip");
        assertThat(test.out()).contains("No errors detected");

        assertThat(run("unzip", "-o", "inner.zip", "manifest.json", "manifest.json.minisig").exit()).isZero();
        Files.writeString(dir.resolve("laptop.pub"), laptop.sign().publicKey().minisignFile());
        Run verify = run("minisign", "-V", "-p", "laptop.pub", "-m", "manifest.json");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("Signature and comment signature verified");
        Run byKey = run("minisign", "-V", "-P", laptop.sign().publicKey().minisignBase64(), "-m", "manifest.json");
        assertThat(byKey.exit()).as(byKey.out()).isZero();

        Files.writeString(dir.resolve("manifest.json"), Files.readString(dir.resolve("manifest.json")).replace("1", "2"));
        assertThat(run("minisign", "-V", "-p", "laptop.pub", "-m", "manifest.json").exit()).isNotZero();
    }

    @Test
    void aPackageEncryptedByTheAgeToolIsReadBack() throws Exception {
        String changes = SyncFixtures.personChange(laptop, 1) + "\n" + SyncFixtures.personChange(laptop, 2) + "\n";
        Files.write(dir.resolve("inner.zip"), HostilePackages.valid(laptop, hub, changes).bytes());
        Run age = run("age", "-e", "-r", hub.age().recipient().value(), "-o", "from-cli.itp", "inner.zip");
        assertThat(age.exit()).as(age.out()).isZero();

        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(dir.resolve("from-cli.itp"), hub.identity(), Root.create().snapshot(laptop, hub));
        assertThat(o).isInstanceOf(VerifiedPackage.class);
        try (VerifiedPackage v = (VerifiedPackage) o; VerifiedPackage.ChangeLines lines = v.changeLines()) {
            List<String> read = new ArrayList<>();
            String l;
            while ((l = lines.nextString()) != null) {
                read.add(l);
            }
            assertThat(String.join("\n", read) + "\n").isEqualTo(changes);
        }
    }

    @Test
    void aZipMadeByTheZipToolsOfTheWorldIsStillCheckedStrictly() throws Exception {
        // armoured age output is not a package
        Files.writeString(dir.resolve("x.txt"), "hello");
        assertThat(run("age", "-a", "-e", "-r", hub.age().recipient().value(), "-o", "armoured.itp", "x.txt").exit()).isZero();
        ReadOutcome o = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM)
                .read(dir.resolve("armoured.itp"), hub.identity(), Root.create().snapshot(laptop, hub));
        assertThat(((ReadOutcome.Rejected) o).reason()).isEqualTo(RejectReason.NOT_A_PACKAGE);
    }
}
