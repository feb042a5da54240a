package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code itinera audit verify} on a real installation: intact, then broken at the entry that was changed. */
class AuditCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ItineraCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verifyReportsAnIntactChainThenTheFirstBrokenLink() throws Exception {
        TestInstallations.firstRun(dir, java.time.Clock.systemUTC()).close();
        Path pass = Files.writeString(dir.resolve("pass.txt"), TestInstallations.PASSPHRASE + "\n");
        String[] verify = {"--data-dir", dir.toString(), "--lang", "en", "audit", "verify", "-u", "admin",
            "--passphrase-file", pass.toString()};
        Run ok = run(verify);
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("The audit chain is intact: ");

        Run head = run("--data-dir", dir.toString(), "audit", "head", "-u", "admin", "--passphrase-file", pass.toString());
        String recorded = head.out().strip();
        assertThat(recorded).matches("\\d+:[0-9a-f]{64}");

        try (Workspace ws = TestInstallations.installation(dir, java.time.Clock.systemUTC())
                .signIn("admin", TestInstallations.PASSPHRASE.toCharArray())) {
            ws.database().withWriter((c, dsl) -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET action = 'NOTHING' WHERE seq = 2")) {
                    ps.executeUpdate();
                }
                return null;
            });
        }
        Run broken = run(verify);
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("broken at entry 2").contains("HASH_MISMATCH");
    }
}
