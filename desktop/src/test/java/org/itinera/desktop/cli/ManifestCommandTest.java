package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.movement.TravellingFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code itinera manifest print} on a real installation, read back with pdftotext. */
class ManifestCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheManifestToAPdfFileAndRefusesAnUnknownOne() throws Exception {
        String manifestId;
        try (Workspace ws = TestInstallations.firstRun(dir.resolve("data"), Clock.systemDefaultZone())) {
            manifestId = TravellingFamily.prepare(ws, true).manifest().id();
        }
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, TravellingFamily.PASSPHRASE + "\n");
        Path pdf = dir.resolve("out/manifest.pdf");
        Files.createDirectories(pdf.getParent());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "--data-dir", dir.resolve("data").toString(), "manifest", "print", "--manifest", manifestId,
                "--out", pdf.toString(), "--print-lang", "fr", "--user", TravellingFamily.OFFICER,
                "--passphrase-file", passphrase.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("M-DKR-").contains(pdf.toString());
        Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(text).contains("Manifeste des passagers", "DIALLO, Mariama", "مريم ديالو", "HC 301");
        try (Workspace ws = TestInstallations.installation(dir.resolve("data"), Clock.systemDefaultZone())
                .signIn(TravellingFamily.OFFICER, TravellingFamily.PASSPHRASE.toCharArray())) {
            assertThat(ws.manifests().find(ws.actor(), manifestId).orElseThrow().status()).isEqualTo(ManifestStatus.FINAL);
        }

        int unknown = run(new StringWriter(), err, "--data-dir", dir.resolve("data").toString(), "manifest", "print",
                "--manifest", "no-such-id", "--out", dir.resolve("x.pdf").toString(), "--user", TravellingFamily.OFFICER,
                "--passphrase-file", passphrase.toString());
        assertThat(unknown).isEqualTo(1);
        assertThat(err.toString()).contains("no-such-id");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ItineraCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
