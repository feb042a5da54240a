package org.itinera.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.keys.SignInException;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedDatabaseTest {
    static final MutableClock CLOCK = MutableClock.at("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    @Test
    void canaryNamesAppearInNoFileOfTheDataDirectoryInAnyScript() throws IOException {
        List<String> canaries = List.of("Zanzibarqueen", "Kwesiquartz", "ظبيةالكناري");
        try (Workspace ws = TestInstallations.firstRun(dir, CLOCK)) {
            for (int i = 0; i < 300; i++) {
                ws.persons().create(ws.actor(), new PersonDetails(canaries.get(0), canaries.get(1) + i, null,
                        canaries.get(2), "اختبار", Sex.F, BirthDate.year(1991, false), "GHA", null, null, null, null));
            }
            // while open: the WAL and shared-memory files hold recent pages too
            assertThat(filesContaining(canaries)).isEmpty();
            assertThat(ws.persons().search(ws.actor(), "zanzibarq", 5).hits()).hasSize(5);
        }
        assertThat(filesContaining(canaries)).isEmpty();
        assertThat(Files.list(dir).count()).isGreaterThan(1);
    }

    @Test
    void aWrongPassphraseIsRefusedAndLeavesTheDatabaseFileUntouched() throws Exception {
        TestInstallations.firstRun(dir, CLOCK).close();
        String before = sha256(dir.resolve("itinera.db"));
        assertThatThrownBy(() -> TestInstallations.installation(dir, CLOCK).signIn("admin", "not the right one at all".toCharArray()))
                .isInstanceOf(SignInException.class)
                .extracting(e -> ((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
        assertThat(sha256(dir.resolve("itinera.db"))).isEqualTo(before);
        try (Workspace ws = TestInstallations.installation(dir, CLOCK).signIn("admin", TestInstallations.PASSPHRASE.toCharArray())) {
            assertThat(ws.currentUser().username()).isEqualTo("admin");
        }
    }

    @Test
    void aWrongKeyGivesAClearErrorAndNeverOverwritesTheFile() throws Exception {
        TestInstallations.firstRun(dir, CLOCK).close();
        Path db = dir.resolve("itinera.db");
        String before = sha256(db);
        DatabaseKey wrong = DatabaseKey.generate(new SecureRandom());
        assertThatThrownBy(() -> Database.open(db, wrong))
                .isInstanceOf(DatabaseException.class)
                .extracting(e -> ((DatabaseException) e).userMessage().key()).isEqualTo("db.error.wrongKey");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aMissingDatabaseFileIsReportedNotSilentlyRecreated() throws Exception {
        TestInstallations.firstRun(dir, CLOCK).close();
        Files.move(dir.resolve("itinera.db"), dir.resolve("moved-away.db"));
        assertThatThrownBy(() -> TestInstallations.installation(dir, CLOCK).signIn("admin", TestInstallations.PASSPHRASE.toCharArray()))
                .isInstanceOf(DatabaseException.class)
                .extracting(e -> ((DatabaseException) e).userMessage().key()).isEqualTo("db.error.missing");
        assertThat(dir.resolve("itinera.db")).doesNotExist();
    }

    @Test
    void theFileIsNotAnSqliteFileWithoutTheKey() throws IOException {
        TestInstallations.firstRun(dir, CLOCK).close();
        byte[] head = new byte[16];
        try (var in = Files.newInputStream(dir.resolve("itinera.db"))) {
            assertThat(in.read(head)).isEqualTo(16);
        }
        assertThat(new String(head, StandardCharsets.ISO_8859_1)).doesNotStartWith("SQLite format 3");
    }

    private List<Path> filesContaining(List<String> needles) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String n : needles) {
                    String utf8 = new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    String utf16 = new String(n.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
                    if (content.contains(utf8) || content.contains(utf16)
                            || content.toLowerCase().contains(utf8.toLowerCase())) {
                        hits.add(f);
                    }
                }
            }
        }
        return hits;
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
