package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The headless commands of the application jar, end to end on a real data directory. */
class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ItineraCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path passphrase(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text + "\n");
        return p;
    }

    Run init(String data, Path pass) {
        return run("--data-dir", data, "--lang", "en", "init", "--user", "admin", "--passphrase-file", pass.toString(),
                "--name", "Awa Diop", "--office-code", "BKO", "--office-name", "Bamako", "--country", "MLI");
    }

    @Test
    void initThenGenerateDemoDataThenCheckTheDatabase() throws Exception {
        Path pass = passphrase("pass.txt", "a long passphrase for the script");
        String data = dir.resolve("data").toString();
        Run init = init(data, pass);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("Administrator: admin");

        Run again = init(data, pass);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already set up");

        Run demo = run("--data-dir", data, "--lang", "en", "demo-data", "--persons", "150", "--user", "admin",
                "--passphrase-file", pass.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).startsWith("Generated 150 persons");

        Run check = run("--data-dir", data, "--lang", "en", "db", "check", "--user", "admin", "--passphrase-file", pass.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("Integrity: ok").contains("Broken references: 0").contains("person: 150")
                .contains("The database is healthy.");
    }

    @Test
    void aWeakPassphraseIsRefusedAtInitAndNothingIsCreated() throws Exception {
        Path weak = passphrase("weak.txt", "password");
        Path data = dir.resolve("data");
        Run init = init(data.toString(), weak);
        assertThat(init.code()).isEqualTo(1);
        assertThat(init.err()).contains("passphrase: At least 15 characters");
        assertThat(data.resolve("keyring.json")).doesNotExist();
        assertThat(data.resolve("itinera.db")).doesNotExist();
    }

    @Test
    void aWrongPassphraseIsOnePlainSentenceAndExitCodeOne() throws Exception {
        Path pass = passphrase("pass.txt", "a long passphrase for the script");
        Path wrong = passphrase("wrong.txt", "some other long passphrase");
        String data = dir.resolve("data").toString();
        init(data, pass);
        Run check = run("--data-dir", data, "--lang", "fr", "db", "check", "--user", "admin", "--passphrase-file", wrong.toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err().strip()).startsWith("Nom d’utilisateur ou phrase secrète incorrect").doesNotContain("Exception");
    }
}
