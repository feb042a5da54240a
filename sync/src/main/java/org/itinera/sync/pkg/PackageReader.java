package org.itinera.sync.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import org.itinera.core.i18n.UserMessage;
import org.itinera.schema.SchemaVersion;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.AgeLayer;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.SignerStatus;
import org.itinera.sync.trust.TrustSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a received package file without trusting a byte of it. In order: copy into the staging
 * folder (the USB stick may go away, the file may change), decrypt it whole into memory or a
 * sealed scratch file, check the ZIP structure and caps, read the manifest signature and judge its
 * key against the current trust (a newer root-signed bundle inside the package counts), verify the
 * signature, parse the manifest strictly, check sender, destination and versions, and hash every
 * entry against the manifest. Anything hostile becomes a {@link ReadOutcome.Rejected} or
 * {@link ReadOutcome.Quarantined}; only problems of this machine (disk full, unreadable source)
 * throw a {@link SyncException}.
 */
public final class PackageReader {
    private static final Logger LOG = LoggerFactory.getLogger(PackageReader.class);
    private static final byte[] AGE_MAGIC = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration STALE = Duration.ofHours(1);
    /** No manifest string (ids, hashes, table names) comes near this. */
    static final int MAX_MANIFEST_STRING = 64 * 1024;

    private final Path staging;
    private final Path scratchDir;
    private final Path quarantine;
    private final PackageLimits limits;
    private final Clock clock;
    private final SecureRandom random;
    private final ObjectMapper json;

    /** {@code workDir} is inside the data directory (e.g. {@code <data>/sync}); stale scratch files there are swept. */
    public PackageReader(Path workDir, PackageLimits limits, Clock clock, SecureRandom random) {
        this.staging = workDir.resolve("staging");
        this.scratchDir = workDir.resolve("scratch");
        this.quarantine = workDir.resolve("quarantine");
        this.limits = limits;
        this.clock = clock;
        this.random = random;
        this.json = SyncJson.strict(limits.maxManifestBytes(), MAX_MANIFEST_STRING);
        sweep(staging);
        sweep(scratchDir);
    }

    /** Where quarantined files are kept for an administrator. */
    public Path quarantineFolder() {
        return quarantine;
    }

    public ReadOutcome read(Path file, DeviceIdentity me, TrustSnapshot trust) {
        return read(file, me.nodeId(), me.ageIdentities(), trust);
    }

    /** Reads {@code file} as a package for node {@code selfNodeId}, which holds {@code identities}. */
    public ReadOutcome read(Path file, String selfNodeId, List<AgeIdentity> identities, TrustSnapshot trust) {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.read.cannotRead", name), e);
        }
        if (size > limits.maxFileBytes()) {
            return new ReadOutcome.Rejected(name, "", RejectReason.TOO_LARGE, "file size " + size);
        }
        Path staged = staging.resolve(UUID.randomUUID() + ".itp");
        String fileSha = stage(file, staged);
        Scratch scratch = null;
        boolean keepScratch = false;
        try {
            Optional<RejectReason> decrypted;
            scratch = size < limits.inMemoryBelowBytes() ? new MemoryScratch(limits.maxFileBytes())
                    : new SealedScratchFile(scratchDir, random);
            decrypted = decrypt(staged, identities, scratch);
            if (decrypted.isPresent()) {
                return new ReadOutcome.Rejected(name, fileSha, decrypted.get(), "outer layer");
            }
            ReadOutcome outcome = verify(name, fileSha, scratch, staged, selfNodeId, trust);
            keepScratch = outcome instanceof VerifiedPackage;
            if (outcome instanceof ReadOutcome.Quarantined q) {
                return keep(staged, q);
            }
            return outcome;
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.read.noSpace", staging.toString()), e);
        } finally {
            if (!keepScratch) {
                if (scratch != null) {
                    scratch.close();
                }
                deleteQuietly(staged);
            }
        }
    }

    /** Copies the file into staging while hashing it; returns the hash. */
    private String stage(Path file, Path staged) {
        MessageDigest md = OutgoingPackage.sha256();
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw OutgoingPackage.failure(staging, e);
        }
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = Files.newOutputStream(staged, StandardOpenOption.CREATE_NEW)) {
            byte[] buf = new byte[64 * 1024];
            int r;
            long total = 0;
            while ((r = in.read(buf)) > 0) {
                total += r;
                if (total > limits.maxFileBytes()) {
                    throw new IOException("file grew while copying");
                }
                md.update(buf, 0, r);
                out.write(buf, 0, r);
            }
        } catch (IOException e) {
            deleteQuietly(staged);
            if (!Files.isReadable(file)) {
                throw new SyncException(UserMessage.of("syncformat.read.cannotRead", file.getFileName().toString()), e);
            }
            throw OutgoingPackage.failure(staging, e);
        }
        return OutgoingPackage.hex(md.digest());
    }

    /** Decrypts the staged file into {@code scratch}; a reason when the outer layer is not sound. */
    private Optional<RejectReason> decrypt(Path staged, List<AgeIdentity> identities, Scratch scratch) throws IOException {
        try (FileChannel in = FileChannel.open(staged, StandardOpenOption.READ)) {
            ByteBuffer magic = ByteBuffer.allocate(AGE_MAGIC.length);
            while (magic.hasRemaining() && in.read(magic) > 0) {
                // read the header line
            }
            if (magic.hasRemaining() || !java.util.Arrays.equals(magic.array(), AGE_MAGIC)) {
                return Optional.of(RejectReason.NOT_A_PACKAGE);
            }
            in.position(0);
            ReadableByteChannel plain;
            try {
                plain = AgeLayer.decrypting(in, identities);
            } catch (UnsupportedRecipientStanzaException e) {
                return Optional.of(RejectReason.WRONG_RECIPIENT);
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                LOG.debug("age header refused: {}", e.toString());
                return Optional.of(isNoIdentity(e) ? RejectReason.WRONG_RECIPIENT : RejectReason.DAMAGED);
            }
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            OutputStream out = scratch.output();
            long total = 0;
            while (true) {
                int n;
                try {
                    n = plain.read(buf);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("age payload refused: {}", e.toString());
                    return Optional.of(RejectReason.DAMAGED);
                }
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > limits.maxFileBytes()) {
                    return Optional.of(RejectReason.TOO_LARGE);
                }
                try {
                    out.write(buf.array(), 0, buf.position());
                } catch (java.io.UncheckedIOException e) {
                    return Optional.of(RejectReason.TOO_LARGE);
                }
                buf.clear();
            }
            out.close();
            return Optional.empty();
        }
    }

    private static boolean isNoIdentity(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedRecipientStanzaException) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("recipient") && (m.contains("not found") || m.contains("no ") || m.contains("match"))) {
                return true;
            }
        }
        return false;
    }

    /** Checks a decrypted ZIP (also the fuzzing entry point). */
    ReadOutcome verify(String name, String fileSha, Scratch scratch, Path staged, String selfNodeId, TrustSnapshot trust) {
        try {
            return verifyOrRefuse(name, fileSha, scratch, staged, selfNodeId, trust);
        } catch (Refusal r) {
            return new ReadOutcome.Rejected(name, fileSha, r.reason(), r.getMessage());
        } catch (IOException e) {
            // our own scratch copy failed to read back: not the package's fault
            throw new SyncException(UserMessage.of("syncformat.read.noSpace", staging.toString()), e);
        } catch (RuntimeException e) {
            // a parser tripping over hostile input in a way we did not foresee: still just a refusal
            LOG.warn("package {} refused by an unexpected {}", name, e.getClass().getName());
            return new ReadOutcome.Rejected(name, fileSha, RejectReason.MALFORMED_ZIP, e.getClass().getSimpleName());
        }
    }

    private ReadOutcome verifyOrRefuse(String name, String fileSha, Scratch scratch, Path staged, String selfNodeId,
                                       TrustSnapshot trust) throws IOException {
        StrictZip zip = StrictZip.open(scratch, limits);
        StrictZip.Entry manifestEntry = zip.entries().get(EntryNames.MANIFEST);
        if (manifestEntry == null) {
            throw new Refusal(RejectReason.CONTENT_MISMATCH, "no manifest.json");
        }
        byte[] manifestBytes = zip.readAll(manifestEntry, limits.maxManifestBytes());
        StrictZip.Entry sigEntry = zip.entries().get(EntryNames.MANIFEST_SIG);
        if (sigEntry == null) {
            return quarantined(name, fileSha, QuarantineReason.UNSIGNED, Optional.empty(), manifestBytes);
        }
        Minisign.Signature sig = Minisign.parse(zip.readAll(sigEntry, Minisign.MAX_FILE_LENGTH))
                .orElseThrow(() -> new Refusal(RejectReason.BAD_SIGNATURE, "not a minisign signature"));
        Optional<SignedDocument> bundle = signedEntry(zip, EntryNames.TRUST_BUNDLE, EntryNames.TRUST_BUNDLE_SIG);
        Optional<SignedDocument> newerBundle = bundle.filter(b -> trust.newerBundle(b).isPresent());
        TrustSnapshot effective = newerBundle.map(b -> trust.with(trust.newerBundle(b).orElseThrow())).orElse(trust);
        Optional<SignedDocument> rotation = signedEntry(zip, EntryNames.ROTATION, EntryNames.ROTATION_SIG);
        SignerStatus status = effective.statusOf(sig.keyIdHex(), rotation);
        if (status instanceof SignerStatus.Revoked) {
            return quarantined(name, fileSha, QuarantineReason.REVOKED_SIGNER, Optional.of(sig.keyIdHex()), manifestBytes);
        }
        if (!(status instanceof SignerStatus.Trusted trusted)) {
            return quarantined(name, fileSha, QuarantineReason.UNKNOWN_SIGNER, Optional.of(sig.keyIdHex()), manifestBytes);
        }
        if (!Minisign.verify(trusted.key().verifyKey(), manifestBytes, sig)) {
            throw new Refusal(RejectReason.BAD_SIGNATURE, "signature does not match manifest.json");
        }
        Manifest manifest = parseManifest(manifestBytes);
        if (!manifest.from().node().equals(trusted.key().nodeId())
                || !manifest.from().deviceKeyFingerprint().equals(trusted.key().fingerprint())) {
            throw new Refusal(RejectReason.SIGNER_MISMATCH, "manifest sender is not the signing key's node");
        }
        if (!manifest.to().equals(selfNodeId)) {
            throw new Refusal(RejectReason.NOT_FOR_THIS_NODE, "addressed to another node");
        }
        checkEntries(zip, manifest);
        RecoveryEntries recovery = RecoveryEntryCheck.read(zip, manifest, trusted.key().verifyKey());
        return new VerifiedPackage(name, fileSha, manifest, OutgoingPackage.hex(OutgoingPackage.sha256().digest(manifestBytes)),
                trusted.key(), trusted.viaRotation(), newerBundle, scratch, zip, staged, limits.maxLineBytes(), recovery);
    }

    private Manifest parseManifest(byte[] bytes) throws Refusal {
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw new Refusal(RejectReason.MALFORMED_MANIFEST, "manifest.json: " + e.getClass().getSimpleName());
        }
        if (tree == null || !tree.isObject()) {
            throw new Refusal(RejectReason.MALFORMED_MANIFEST, "manifest.json is not an object");
        }
        String format = tree.path("format").asText("");
        if (!format.equals(Manifest.FORMAT)) {
            throw new Refusal(format.startsWith("itinera-sync/") ? RejectReason.NEWER_VERSION
                    : RejectReason.MALFORMED_MANIFEST, "format " + format.length());
        }
        JsonNode schema = tree.path("schema_version");
        if (schema.isIntegralNumber() && schema.canConvertToInt() && schema.intValue() > SchemaVersion.LATEST) {
            throw new Refusal(RejectReason.NEWER_VERSION, "schema " + schema.intValue());
        }
        Manifest m;
        try {
            m = json.treeToValue(tree, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new Refusal(RejectReason.MALFORMED_MANIFEST, "manifest.json: " + e.getClass().getSimpleName());
        }
        List<String> problems = m.problems();
        if (!problems.isEmpty()) {
            throw new Refusal(RejectReason.MALFORMED_MANIFEST, "manifest.json: " + problems.getFirst());
        }
        return m;
    }

    /** Every entry but the manifest and its signature is listed, and hashes to what is listed. */
    private void checkEntries(StrictZip zip, Manifest manifest) throws IOException {
        Set<String> inZip = new HashSet<>(zip.entries().keySet());
        inZip.remove(EntryNames.MANIFEST);
        inZip.remove(EntryNames.MANIFEST_SIG);
        Set<String> listed = new HashSet<>();
        manifest.entries().forEach(e -> listed.add(e.name()));
        if (!inZip.equals(listed)) {
            throw new Refusal(RejectReason.CONTENT_MISMATCH, "entries differ from the manifest");
        }
        for (Manifest.EntryDigest d : manifest.entries()) {
            StrictZip.Entry e = zip.entries().get(d.name());
            if (e.size() != d.size()) {
                throw new Refusal(RejectReason.CONTENT_MISMATCH, "size of " + d.name());
            }
            boolean changes = d.name().equals(EntryNames.CHANGES);
            LineCheck lines = changes ? new LineCheck(limits.maxLineBytes()) : null;
            MessageDigest md = OutgoingPackage.sha256();
            try (InputStream in = zip.open(e)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    if (lines != null) {
                        lines.feed(buf, n);
                    }
                }
            }
            if (!OutgoingPackage.hex(md.digest()).equals(d.sha256())) {
                throw new Refusal(RejectReason.CONTENT_MISMATCH, "hash of " + d.name());
            }
            if (lines != null) {
                lines.end(manifest.changeCount());
            }
        }
    }

    /** Lines are UTF-8, end with a line break, are not too long, and there are as many as the counts say. */
    private static final class LineCheck {
        private final int max;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final java.nio.CharBuffer sink = java.nio.CharBuffer.allocate(64 * 1024);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private long lines;
        private long current;
        private int last = -1;

        LineCheck(int max) {
            this.max = max;
        }

        void feed(byte[] b, int n) throws Refusal {
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    lines++;
                    current = 0;
                } else if (++current > max) {
                    throw new Refusal(RejectReason.MALFORMED_CHANGES, "line too long");
                }
            }
            last = b[n - 1];
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + n).put(carry).put(b, 0, n).flip();
            decode(in, false);
            carry = ByteBuffer.allocate(in.remaining()).put(in).flip();
        }

        private void decode(ByteBuffer in, boolean end) throws Refusal {
            while (true) {
                sink.clear();
                var result = utf8.decode(in, sink, end);
                if (result.isError()) {
                    throw new Refusal(RejectReason.MALFORMED_CHANGES, "not UTF-8");
                }
                if (result.isUnderflow()) {
                    return;
                }
            }
        }

        void end(long expectedLines) throws Refusal {
            decode(carry, true);
            if (last >= 0 && last != '\n') {
                throw new Refusal(RejectReason.MALFORMED_CHANGES, "last line not terminated");
            }
            if (lines != expectedLines) {
                throw new Refusal(RejectReason.MALFORMED_CHANGES, "line count differs from counts");
            }
        }
    }

    /** A signed document entry pair, both or neither; empty when absent. */
    private Optional<SignedDocument> signedEntry(StrictZip zip, String docName, String sigName) throws IOException {
        StrictZip.Entry doc = zip.entries().get(docName);
        StrictZip.Entry sig = zip.entries().get(sigName);
        if (doc == null && sig == null) {
            return Optional.empty();
        }
        if (doc == null || sig == null) {
            throw new Refusal(RejectReason.CONTENT_MISMATCH, docName + " without its signature");
        }
        byte[] sigBytes = zip.readAll(sig, Minisign.MAX_FILE_LENGTH);
        return Optional.of(new SignedDocument(zip.readAll(doc, limits.maxManifestBytes()),
                new String(sigBytes, StandardCharsets.UTF_8)));
    }

    private ReadOutcome.Quarantined quarantined(String name, String fileSha, QuarantineReason reason,
                                                Optional<String> keyId, byte[] manifestBytes) {
        Optional<Manifest.Sender> claimed;
        try {
            claimed = Optional.ofNullable(json.readValue(manifestBytes, Manifest.class).from());
        } catch (IOException | RuntimeException e) {
            claimed = Optional.empty();
        }
        return new ReadOutcome.Quarantined(name, fileSha, reason, quarantine.resolve(name), keyId, claimed);
    }

    /** Moves the staged copy into the quarantine folder (never overwriting an earlier one). */
    private ReadOutcome.Quarantined keep(Path staged, ReadOutcome.Quarantined q) {
        try {
            Files.createDirectories(quarantine);
            String base = safeName(q.fileName());
            Path target = quarantine.resolve(base);
            for (int i = 1; Files.exists(target); i++) {
                target = quarantine.resolve(i + "-" + base);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return new ReadOutcome.Quarantined(q.fileName(), q.fileSha256(), q.reason(), target, q.signerKeyId(),
                    q.claimedSender());
        } catch (IOException e) {
            throw OutgoingPackage.failure(quarantine, e);
        }
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 120 ? s.substring(0, 120) : s.isEmpty() ? "package.itp" : s;
    }

    private void sweep(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long cutoff = clock.millis() - STALE.toMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // swept later
        }
    }
}
