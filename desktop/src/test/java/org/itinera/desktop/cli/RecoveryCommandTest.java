package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.desktop.cli.TrustCommandTest.concat;
import static org.itinera.desktop.cli.TrustCommandTest.fingerprintIn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Account recovery through the real command line: a laptop enrols with the hub, its escrow goes to
 * the hub in a package, the hub lists it and issues a token (printing the one-time code), the token
 * comes back in a package, and {@code recovery reset} (no sign-in) sets a new passphrase with the
 * code: the old passphrase stops working, the new one works, and the token cannot be used again.
 */
class RecoveryCommandTest {
    static final String OLD = "correct staple of field laptops";
    static final String NEW = "a brand new passphrase for the field";
    @TempDir
    Path dir;

    TrustCommandTest.Result run(String... args) {
        return runWithInput("", args);
    }

    TrustCommandTest.Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ItineraCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = cl.execute(args);
            return new TrustCommandTest.Result(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    void ok(TrustCommandTest.Result r) {
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
    }

    @Test
    void aForgottenPassphraseIsResetWithTheHubsTokenAndCodeFromTheCommandLine() throws Exception {
        Path rootDir = dir.resolve("root");
        Path rootPass = Files.writeString(dir.resolve("root.pass"), "offline root passphrase 2026\n");
        Path pass = Files.writeString(dir.resolve("old.pass"), OLD + "\n");
        Path newPass = Files.writeString(dir.resolve("new.pass"), NEW + "\n");
        TrustCommandTest.Result root = run("--lang", "en", "trust", "init-root", "--out", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString(), "--kdf-fast");
        ok(root);
        String rootFp = fingerprintIn(root.out());
        String[] laptop = {"--data-dir", dir.resolve("laptop").toString(), "--lang", "en"};
        String[] hub = {"--data-dir", dir.resolve("hub").toString(), "--lang", "en"};
        String[][] nodes = {laptop, hub};
        String[] codes = {"DKR", "HUB"};
        for (int i = 0; i < 2; i++) {
            ok(run(concat(nodes[i], "init", "--user", "admin", "--passphrase-file", pass.toString(), "--name",
                    "Admin " + codes[i], "--office-code", codes[i], "--office-name", "Office " + codes[i], "--country", "SEN")));
            Path card = dir.resolve("card" + i + ".json");
            TrustCommandTest.Result c = run(concat(nodes[i], "trust", "device-card", "--user", "admin",
                    "--passphrase-file", pass.toString(), "--out", card.toString()));
            ok(c);
            String[] enrol = {"--lang", "en", "trust", "enrol", "--root-dir", rootDir.toString(), "--card", card.toString(),
                    "--fingerprint", fingerprintIn(c.out())};
            ok(run(i == 1 ? concat(enrol, "--as-hub") : enrol));
        }
        ok(run("--lang", "en", "trust", "sign-bundle", "--root-dir", rootDir.toString(), "--root-passphrase-file",
                rootPass.toString()));
        for (String[] n : nodes) {
            ok(run(concat(n, "trust", "import-root", rootDir.resolve("root.pub").toString(), "--fingerprint", rootFp,
                    "--user", "admin", "--passphrase-file", pass.toString())));
            ok(run(concat(n, "trust", "import-bundle", rootDir.resolve("trust-bundle-1.json").toString(), "--user",
                    "admin", "--passphrase-file", pass.toString())));
        }

        TrustCommandTest.Result enrolled = run(concat(laptop, "recovery", "enrol", "--user", "admin", "--passphrase-file",
                pass.toString()));
        ok(enrolled);
        assertThat(enrolled.out()).contains("enrolled for account recovery with the hub HUB laptop");
        TrustCommandTest.Result notHub = run(concat(laptop, "recovery", "escrows", "--user", "admin",
                "--passphrase-file", pass.toString()));
        assertThat(notHub.exit()).isEqualTo(1);
        assertThat(notHub.err()).contains("Only the hub issues reset tokens");

        Path toHub = dir.resolve("to-hub");
        ok(run(concat(laptop, "sync", "export", "--to", "HUB laptop", "--out", toHub.toString(), "--user", "admin",
                "--passphrase-file", pass.toString())));
        ok(run(concat(hub, "sync", "import", toHub.toString(), "--user", "admin", "--passphrase-file", pass.toString())));
        TrustCommandTest.Result escrows = run(concat(hub, "recovery", "escrows", "--user", "admin", "--passphrase-file",
                pass.toString()));
        ok(escrows);
        assertThat(escrows.out()).contains("DKR laptop (").contains("0 reset tokens waiting");

        Path tokenFile = dir.resolve("token.json");
        TrustCommandTest.Result issued = run(concat(hub, "recovery", "issue", "--node", "DKR laptop", "--account",
                "admin", "--valid-days", "2", "--token-out", tokenFile.toString(), "--user", "admin", "--passphrase-file",
                pass.toString()));
        ok(issued);
        Matcher code = Pattern.compile("never with the token\\): ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")
                .matcher(issued.out());
        assertThat(code.find()).as(issued.out()).isTrue();
        assertThat(Files.readString(tokenFile)).doesNotContain(code.group(1));

        Path toLaptop = dir.resolve("to-laptop");
        ok(run(concat(hub, "sync", "export", "--to", "DKR laptop", "--out", toLaptop.toString(), "--user", "admin",
                "--passphrase-file", pass.toString())));
        TrustCommandTest.Result imported = run(concat(laptop, "sync", "import", toLaptop.toString(), "--user", "admin",
                "--passphrase-file", pass.toString()));
        ok(imported);
        assertThat(imported.out()).contains(": applied.").doesNotContain("not applied: recovery");

        TrustCommandTest.Result mismatch = runWithInput(code.group(1) + "\n" + NEW + "\n" + NEW + "x\n",
                concat(laptop, "recovery", "reset", "--account", "admin", "--from-received"));
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("differ");
        TrustCommandTest.Result reset = runWithInput(code.group(1).toLowerCase() + "\n" + NEW + "\n" + NEW + "\n",
                concat(laptop, "recovery", "reset", "--account", "admin", "--from-received"));
        ok(reset);
        assertThat(reset.out()).contains("The passphrase of admin is changed.");

        TrustCommandTest.Result oldFails = run(concat(laptop, "sync", "peers", "--user", "admin", "--passphrase-file",
                pass.toString()));
        assertThat(oldFails.exit()).isEqualTo(1);
        ok(run(concat(laptop, "sync", "peers", "--user", "admin", "--passphrase-file", newPass.toString())));
        TrustCommandTest.Result twice = runWithInput(code.group(1) + "\n" + OLD + " again\n" + OLD + " again\n",
                concat(laptop, "recovery", "reset", "--account", "admin", "--token", tokenFile.toString()));
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("This reset token was already used.");
    }
}
