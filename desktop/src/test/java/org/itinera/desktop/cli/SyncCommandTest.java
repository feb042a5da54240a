package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.cli.TrustCommandTest.concat;
import static org.itinera.desktop.cli.TrustCommandTest.fingerprintIn;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two laptops enrolled with the root tooling exchange a package through the real command line:
 * {@code sync export --to NODE --out DIR} on one, {@code sync import DIR} on the other, twice (the
 * second time is "already imported"), then {@code sync peers}.
 */
class SyncCommandTest {
    @TempDir
    Path dir;

    TrustCommandTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ItineraCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new TrustCommandTest.Result(exit, out.toString(), err.toString());
    }

    void ok(TrustCommandTest.Result r) {
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
    }

    @Test
    void aPackageTravelsFromOneLaptopToAnotherByTheCommandLine() throws Exception {
        Path rootDir = dir.resolve("root");
        Path rootPass = Files.writeString(dir.resolve("root.pass"), "offline root passphrase 2026\n");
        Path pass = Files.writeString(dir.resolve("laptop.pass"), "correct staple of field laptops\n");
        TrustCommandTest.Result root = run("--lang", "en", "trust", "init-root", "--out", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString(), "--kdf-fast");
        ok(root);
        String rootFp = fingerprintIn(root.out());
        String[][] laptops = new String[2][];
        String[] codes = {"DKR", "THS"};
        for (int i = 0; i < 2; i++) {
            Path data = dir.resolve("laptop" + i);
            laptops[i] = new String[] {"--data-dir", data.toString(), "--lang", "en"};
            ok(run(concat(laptops[i], "init", "--user", "admin", "--passphrase-file", pass.toString(), "--name",
                    "Admin " + codes[i], "--office-code", codes[i], "--office-name", "Office " + codes[i], "--country", "SEN")));
            Path card = dir.resolve("card" + i + ".json");
            TrustCommandTest.Result c = run(concat(laptops[i], "trust", "device-card", "--user", "admin",
                    "--passphrase-file", pass.toString(), "--out", card.toString()));
            ok(c);
            ok(run("--lang", "en", "trust", "enrol", "--root-dir", rootDir.toString(), "--card", card.toString(),
                    "--fingerprint", fingerprintIn(c.out())));
        }
        ok(run("--lang", "en", "trust", "sign-bundle", "--root-dir", rootDir.toString(), "--root-passphrase-file",
                rootPass.toString()));
        for (String[] l : laptops) {
            ok(run(concat(l, "trust", "import-root", rootDir.resolve("root.pub").toString(), "--fingerprint", rootFp,
                    "--user", "admin", "--passphrase-file", pass.toString())));
            ok(run(concat(l, "trust", "import-bundle", rootDir.resolve("trust-bundle-1.json").toString(), "--user",
                    "admin", "--passphrase-file", pass.toString())));
        }

        Path stick = dir.resolve("stick");
        TrustCommandTest.Result export = run(concat(laptops[0], "sync", "export", "--to", "THS laptop", "--out",
                stick.toString(), "--user", "admin", "--passphrase-file", pass.toString()));
        ok(export);
        assertThat(export.out()).contains("1 packages with ").contains(" for THS laptop.");
        try (Stream<Path> s = Files.list(stick)) {
            assertThat(s.filter(p -> p.toString().endsWith(".itp")).count()).isEqualTo(1);
        }
        TrustCommandTest.Result imported = run(concat(laptops[1], "sync", "import", stick.toString(), "--user", "admin",
                "--passphrase-file", pass.toString()));
        ok(imported);
        assertThat(imported.out()).contains(": applied. Imported: ");
        TrustCommandTest.Result again = run(concat(laptops[1], "sync", "import", stick.toString(), "--user", "admin",
                "--passphrase-file", pass.toString()));
        ok(again);
        assertThat(again.out()).contains("already imported. This package was already imported. Nothing was changed.");
        TrustCommandTest.Result peers = run(concat(laptops[1], "sync", "peers", "--user", "admin", "--passphrase-file",
                pass.toString()));
        ok(peers);
        assertThat(peers.out()).contains("DKR laptop (").contains("last received #1");
        TrustCommandTest.Result unknown = run(concat(laptops[0], "sync", "export", "--to", "Nowhere", "--out",
                stick.toString(), "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("No hub or laptop called “Nowhere” is in the trust bundle.");
    }
}
