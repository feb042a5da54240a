package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Offline updates (ADR 0010) through the real command line: the administrator signs a package
 * with the organisation's root key on the offline machine; on a laptop, {@code update verify}
 * accepts it only when the file is exactly what was signed, by that key, under that name.
 */
class UpdateCommandTest {
    @TempDir
    Path dir;

    Path rootDir;
    Path rootPub;
    Path deb;

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

    @BeforeEach
    void signedUpdateOnAUsbStick() throws Exception {
        rootDir = dir.resolve("root");
        Path rootPass = Files.writeString(dir.resolve("root.pass"), "offline root passphrase 2026\n");
        Result root = run("--lang", "en", "trust", "init-root", "--out", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString(), "--kdf-fast");
        assertThat(root.exit()).as(root.err()).isZero();
        rootPub = rootDir.resolve("root.pub");
        Path stick = Files.createDirectories(dir.resolve("usb"));
        deb = stick.resolve("itinera_0.2.0_amd64.deb");
        byte[] content = new byte[3 * 1024 * 1024 + 17]; // more than one read block
        new SecureRandom().nextBytes(content);
        Files.write(deb, content);
        Result sign = run("--lang", "en", "update", "sign", deb.toString(), "--root-dir", rootDir.toString(),
                "--root-passphrase-file", rootPass.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("itinera_0.2.0_amd64.deb").contains(".minisig");
    }

    @Test
    void aSignedUpdateIsAccepted() {
        Result ok = run("--lang", "en", "update", "verify", deb.toString(), "--key", rootPub.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("itinera_0.2.0_amd64.deb is signed by the organisation’s key")
                .contains("may be installed");
    }

    @Test
    void aTamperedUpdateIsRefusedWithAClearMessage() throws Exception {
        byte[] bytes = Files.readAllBytes(deb);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(deb, bytes);
        Result bad = run("--lang", "en", "update", "verify", deb.toString(), "--key", rootPub.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("does not match its signature: it was changed or damaged after it was signed")
                .contains("Do not install this file");
    }

    @Test
    void anUpdateSignedByAnotherKeyIsRefused() throws Exception {
        try (SigningKey other = SigningKey.generate(new SecureRandom())) {
            Files.writeString(deb.resolveSibling(deb.getFileName() + ".minisig"),
                    Minisign.sign(other, Files.readAllBytes(deb), "timestamp:1\tfile:itinera_0.2.0_amd64.deb\thashed"));
        }
        Result bad = run("--lang", "fr", "update", "verify", deb.toString(), "--key", rootPub.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("et non par la clé de l’organisation").contains("N’installez pas ce fichier");
    }

    @Test
    void anOlderSignedPackageRenamedToLookNewerIsRefused() throws Exception {
        Path renamed = deb.resolveSibling("itinera_0.3.0_amd64.deb");
        Files.move(deb, renamed);
        Files.move(deb.resolveSibling(deb.getFileName() + ".minisig"), renamed.resolveSibling(renamed.getFileName() + ".minisig"));
        Result bad = run("--lang", "en", "update", "verify", renamed.toString(), "--key", rootPub.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("belongs to the file itinera_0.2.0_amd64.deb, not to itinera_0.3.0_amd64.deb");
    }

    @Test
    void aMissingSignatureIsRefusedInArabic() throws Exception {
        Files.delete(deb.resolveSibling(deb.getFileName() + ".minisig"));
        Result bad = run("--lang", "ar", "update", "verify", deb.toString(), "--key", rootPub.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("بلا توقيع").contains("لا تثبّت هذا الملف");
    }

    @Test
    void theDebianMinisignToolAcceptsTheSameSignature() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/minisign")), "minisign is not installed");
        Process p = new ProcessBuilder("minisign", "-V", "-p", rootPub.toString(), "-m", deb.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("file:itinera_0.2.0_amd64.deb");
    }
}
