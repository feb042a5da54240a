package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itinera.sync.crypto.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The trust workflow through the real command line, as an administrator does it: a root on the
 * offline machine, a laptop's card enrolled by the fingerprint on its screen, a signed bundle
 * pinned and loaded on the laptop, then a revocation.
 */
class TrustCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ItineraCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String fingerprintIn(String text) {
        Matcher m = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group();
    }

    @Test
    void anAdministratorEnrolsALaptopAndLaterRevokesIt() throws Exception {
        Path rootDir = dir.resolve("root");
        Path rootPass = Files.writeString(dir.resolve("root.pass"), "offline root passphrase 2026\n");
        Path data = dir.resolve("laptop");
        Path pass = Files.writeString(dir.resolve("laptop.pass"), "correct staple of field laptops\n");
        String[] laptop = {"--data-dir", data.toString(), "--lang", "en"};

        Result init = run("--data-dir", data.toString(), "--lang", "en", "init", "--user", "admin", "--passphrase-file",
                pass.toString(), "--name", "Awa Ndiaye", "--office-code", "DKR", "--office-name", "Dakar", "--country", "SEN");
        assertThat(init.exit()).as(init.err()).isZero();
        String shownAtFirstRun = fingerprintIn(init.out().lines().filter(l -> l.startsWith("Device fingerprint")).findFirst()
                .orElseThrow());

        Result root = run("--lang", "en", "trust", "init-root", "--out", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString(), "--kdf-fast");
        assertThat(root.exit()).as(root.err()).isZero();
        String rootFp = fingerprintIn(root.out());
        assertThat(rootDir.resolve("root.pub")).exists();

        Path card = dir.resolve("card.json");
        Result cardRun = run(concat(laptop, "trust", "device-card", "--user", "admin", "--passphrase-file", pass.toString(),
                "--out", card.toString()));
        assertThat(cardRun.exit()).as(cardRun.err()).isZero();
        String laptopFp = fingerprintIn(cardRun.out());
        assertThat(laptopFp).isEqualTo(shownAtFirstRun);

        String misread = Fingerprint.parse(laptopFp).map(f -> f.value().charAt(0) == 'A' ? "B" : "A").orElseThrow()
                + laptopFp.substring(1);
        Result wrong = run("--lang", "en", "trust", "enrol", "--root-dir", rootDir.toString(), "--card", card.toString(),
                "--fingerprint", misread);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match");

        Result enrol = run("--lang", "en", "trust", "enrol", "--root-dir", rootDir.toString(), "--card", card.toString(),
                "--fingerprint", laptopFp.toLowerCase().replace('-', ' '));
        assertThat(enrol.exit()).as(enrol.err()).isZero();
        Result sign = run("--lang", "en", "trust", "sign-bundle", "--root-dir", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("Trust bundle 1");

        Result badPin = run(concat(laptop, "trust", "import-root", rootDir.resolve("root.pub").toString(), "--fingerprint",
                laptopFp, "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(badPin.exit()).isEqualTo(1);
        Result pin = run(concat(laptop, "trust", "import-root", rootDir.resolve("root.pub").toString(), "--fingerprint",
                rootFp, "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(pin.exit()).as(pin.err()).isZero();
        Result load = run(concat(laptop, "trust", "import-bundle", rootDir.resolve("trust-bundle-1.json").toString(),
                "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(load.exit()).as(load.err()).isZero();
        Result again = run(concat(laptop, "trust", "import-bundle", rootDir.resolve("trust-bundle-1.json").toString(),
                "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("not newer");

        Result revoke = run("--lang", "fr", "trust", "revoke", "--root-dir", rootDir.toString(), "--fingerprint", laptopFp,
                "--reason", "volé");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("révoqué");
        assertThat(run("--lang", "en", "trust", "sign-bundle", "--root-dir", rootDir.toString(), "--root-passphrase-file",
                rootPass.toString()).exit()).isZero();
        assertThat(run(concat(laptop, "trust", "import-bundle", rootDir.resolve("trust-bundle-2.json").toString(),
                "--user", "admin", "--passphrase-file", pass.toString())).exit()).isZero();

        Result show = run(concat(laptop, "trust", "show", "--user", "admin", "--passphrase-file", pass.toString()));
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("Device fingerprint: " + laptopFp, "Root key fingerprint: " + rootFp,
                "Trust bundle 2 in use: 0 keys, 1 revoked");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
