package org.itinera.sync.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.testing.SyncFixtures.Root;
import org.itinera.sync.testing.SyncFixtures.TestNode;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRoundTripTest {
    @TempDir
    Path dir;

    final TestNode laptop = TestNode.create("Dakar laptop", NodeKind.LAPTOP);
    final TestNode hub = TestNode.create("Dakar hub", NodeKind.HUB);
    final Root root = Root.create();

    PackageReader reader() {
        return new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT, Clock.systemUTC(), SyncFixtures.RANDOM);
    }

    @Test
    void whatIsWrittenReadsBackLineForLineWithItsAttachments() throws Exception {
        byte[] photo = new byte[70_000];
        SyncFixtures.RANDOM.nextBytes(photo);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        WrittenPackage written = SyncFixtures.write(dir.resolve("out"), laptop, hub, 500,
                List.of(new Attachment(sha, photo.length, () -> new ByteArrayInputStream(photo))));

        assertThat(written.file().getFileName().toString())
                .isEqualTo(laptop.nodeId() + "_" + hub.nodeId() + "_1_" + written.manifest().packageId() + ".itp");
        ReadOutcome outcome = reader().read(written.file(), hub.identity(), root.snapshot(laptop, hub));
        assertThat(outcome).isInstanceOf(VerifiedPackage.class);
        try (VerifiedPackage v = (VerifiedPackage) outcome) {
            assertThat(v.manifest()).isEqualTo(written.manifest());
            assertThat(v.manifestSha256()).isEqualTo(written.manifestSha256());
            assertThat(v.fileSha256()).isEqualTo(written.fileSha256());
            assertThat(v.signer().nodeId()).isEqualTo(laptop.nodeId());
            List<String> lines = new ArrayList<>();
            try (VerifiedPackage.ChangeLines in = v.changeLines()) {
                String line;
                while ((line = in.nextString()) != null) {
                    lines.add(line);
                }
            }
            assertThat(lines).hasSize(500);
            assertThat(lines.getFirst()).contains("\"given_name\":\"Aminata 1\"");
            assertThat(v.changeLineMapper().readTree(lines.get(42)).path("tbl").asText()).isEqualTo("person");
            assertThat(v.attachments()).containsExactly(sha);
            try (InputStream in = v.openAttachment(sha)) {
                assertThat(in.readAllBytes()).isEqualTo(photo);
            }
        }
        assertThat(Files.list(dir.resolve("work/staging"))).isEmpty();
    }

    @Test
    void theWriterSaysWhenAPackageIsFullAndEveryPartReadsBack() {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT.withTargetPackageBytes(64 * 1024));
        List<WrittenPackage> written = new ArrayList<>();
        int total = 6000;
        int next = 1;
        long seq = 1;
        while (next <= total) {
            int first = next;
            try (OutgoingPackage p = writer.open(dir.resolve("out"), SyncFixtures.start(laptop, hub, seq++),
                    List.of(hub.age().recipient()), laptop.sign())) {
                while (next <= total && p.append(SyncFixtures.personChange(laptop, next).getBytes(StandardCharsets.UTF_8))) {
                    next++;
                }
                written.add(p.finish(SyncFixtures.summary(laptop, next - first, first)));
            }
        }
        assertThat(written).hasSizeGreaterThanOrEqualTo(3);
        long lines = 0;
        for (WrittenPackage w : written) {
            // the target can be overshot by what the deflater still holds (one block, tens of KiB)
            assertThat(w.fileBytes()).isLessThan(2 * 64 * 1024);
            try (VerifiedPackage v = (VerifiedPackage) reader().read(w.file(), hub.identity(), root.snapshot(laptop, hub))) {
                lines += v.manifest().changeCount();
            }
        }
        assertThat(lines).isEqualTo(total);
    }

    @Test
    void aPackageThatIsNotFinishedLeavesNoFile() {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        try (OutgoingPackage p = writer.open(dir.resolve("out"), SyncFixtures.start(laptop, hub, 1),
                List.of(hub.age().recipient()), laptop.sign())) {
            p.append("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(dir.resolve("out").toFile().list()).isEmpty();
    }

    @Test
    void countsThatDoNotAddUpAreTheCallersMistakeAndLeaveNoFile() {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        try (OutgoingPackage p = writer.open(dir.resolve("out"), SyncFixtures.start(laptop, hub, 1),
                List.of(hub.age().recipient()), laptop.sign())) {
            p.append("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> p.finish(SyncFixtures.summary(laptop, 2, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dir.resolve("out").toFile().list()).isEmpty();
    }

    @Test
    void anAttachmentWhoseBytesDoNotMatchItsHashStopsTheExport() {
        PackageWriter writer = new PackageWriter(PackageLimits.DEFAULT);
        byte[] content = "scan".getBytes(StandardCharsets.UTF_8);
        try (OutgoingPackage p = writer.open(dir.resolve("out"), SyncFixtures.start(laptop, hub, 1),
                List.of(hub.age().recipient()), laptop.sign())) {
            p.append("{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    List.of(new Attachment("b".repeat(64), content.length, () -> new ByteArrayInputStream(content))));
            assertThatThrownBy(() -> p.finish(SyncFixtures.summary(laptop, 1, 1))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(dir.resolve("out").toFile().list()).isEmpty();
    }

    @Test
    void aLargePackageIsCheckedFromASealedScratchFileThatHoldsNoPlainText() throws Exception {
        WrittenPackage written = SyncFixtures.write(dir.resolve("out"), laptop, hub, 2000, List.of());
        PackageReader reader = new PackageReader(dir.resolve("work"), PackageLimits.DEFAULT.withInMemoryBelowBytes(1),
                Clock.systemUTC(), SyncFixtures.RANDOM);
        try (VerifiedPackage v = (VerifiedPackage) reader.read(written.file(), hub.identity(), root.snapshot(laptop, hub))) {
            // on Linux the scratch file is unlinked as soon as it is opened; read it through /proc
            List<Path> scratch = new ArrayList<>(Files.list(dir.resolve("work/scratch")).toList());
            Path fds = Path.of("/proc/self/fd");
            if (Files.isDirectory(fds)) {
                try (var links = Files.list(fds)) {
                    for (Path fd : links.toList()) {
                        try {
                            if (Files.readSymbolicLink(fd).toString().contains("work/scratch/pkg-")) {
                                scratch.add(fd);
                            }
                        } catch (java.io.IOException ignored) {
                            // descriptor closed meanwhile
                        }
                    }
                }
            }
            assertThat(scratch).isNotEmpty();
            for (Path f : scratch) {
                String onDisk = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(onDisk).hasSizeGreaterThan(100_000).doesNotContain("Aminata").doesNotContain("changes.ndjson");
            }
            try (VerifiedPackage.ChangeLines lines = v.changeLines()) {
                assertThat(lines.nextString()).contains("Aminata 1\"");
            }
        }
        assertThat(Files.list(dir.resolve("work/scratch"))).isEmpty();
    }
}
