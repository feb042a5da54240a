package org.itinera.sync.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.HybridClock;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeLayer;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.SyncJson;

/**
 * One package being written. The ZIP is streamed straight into the age encryption and from there
 * into {@code <name>.part}: changes.ndjson first (as lines arrive), then the attachments, the
 * trust documents, and last manifest.json and its signature (the manifest lists the others, so it
 * can only be written once they are). {@link #close()} without {@link #finish} deletes the file.
 */
public final class OutgoingPackage implements AutoCloseable {
    private static final ObjectMapper JSON = SyncJson.strict(Integer.MAX_VALUE, Integer.MAX_VALUE);
    /** Deflate level of changes.ndjson: measured in bench/SyncPackageBench (speed against size). */
    static final int CHANGES_LEVEL = Integer.getInteger("itinera.sync.deflateLevel", 3);

    private final PackageLimits limits;
    private final PackageStart start;
    private final SigningKey signer;
    private final Path part;
    private final Path target;
    private final FileChannel file;
    private final HashingChannel hashed;
    private final WritableByteChannel encrypted;
    private final CountingStream counted;
    private final ZipOutputStream zip;
    private final MessageDigest changesDigest = sha256();
    private final ZipEntry changesEntry;
    private final TreeMap<String, Attachment> attachments = new TreeMap<>();
    private final List<Manifest.EntryDigest> entries = new ArrayList<>();
    private final long entryTime;
    private long changesBytes;
    private long lines;
    private long attachmentBytes;
    private boolean finished;
    private boolean closed;

    OutgoingPackage(PackageLimits limits, Path outDir, PackageStart start, List<AgeRecipient> recipients,
                    SigningKey signer) {
        this.limits = limits;
        this.start = start;
        this.signer = signer;
        this.target = outDir.resolve(start.fileName());
        this.part = outDir.resolve(start.fileName() + ".part");
        this.entryTime = HybridClock.toInstant(start.createdAt()).toEpochMilli();
        if (Files.exists(target)) {
            throw new IllegalStateException("package file already exists: " + target.getFileName());
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(outDir);
            channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.file = channel;
            this.hashed = new HashingChannel(channel);
            this.encrypted = AgeLayer.encrypting(hashed, recipients);
            this.counted = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(encrypted), 64 * 1024));
            this.zip = new ZipOutputStream(counted, StandardCharsets.UTF_8);
            zip.setLevel(CHANGES_LEVEL);
            this.changesEntry = entry(EntryNames.CHANGES);
            zip.putNextEntry(changesEntry);
        } catch (IOException e) {
            closeQuietly(channel);
            deletePart();
            throw failure(outDir, e);
        }
    }

    /** Appends one change line (UTF-8 JSON, no line break); false, and nothing written, when the package is full. */
    public boolean append(byte[] line) {
        return append(line, List.of());
    }

    /**
     * Appends one change line together with the attachments it refers to, all or nothing: false when
     * they would overflow the package (start the next one and append them there). The first line of
     * a package is always taken.
     */
    public boolean append(byte[] line, List<Attachment> refs) {
        ensureOpen();
        if (line.length > limits.maxLineBytes()) {
            throw new IllegalArgumentException("change line longer than " + limits.maxLineBytes() + " bytes");
        }
        for (byte b : line) {
            if (b == '\n' || b == '\r') {
                throw new IllegalArgumentException("a change line must not contain a line break");
            }
        }
        long newAttachmentBytes = 0;
        int newAttachments = 0;
        for (Attachment a : refs) {
            if (!attachments.containsKey(a.sha256())) {
                if (a.size() > limits.maxEntryBytes()) {
                    throw new IllegalArgumentException("attachment larger than " + limits.maxEntryBytes() + " bytes");
                }
                newAttachmentBytes += a.size();
                newAttachments++;
            }
        }
        boolean empty = lines == 0 && attachments.isEmpty();
        long projected = counted.count() + attachmentBytes + newAttachmentBytes + line.length + 1;
        boolean full = projected > limits.targetPackageBytes()
                || changesBytes + line.length + 1 > limits.maxEntryBytes()
                || changesBytes + attachmentBytes + newAttachmentBytes + line.length + 1 > limits.maxTotalBytes() / 2
                || attachments.size() + newAttachments + 8 > limits.maxEntries();
        if (full && !empty) {
            return false;
        }
        try {
            zip.write(line);
            zip.write('\n');
        } catch (IOException e) {
            throw abort(e);
        }
        changesDigest.update(line);
        changesDigest.update((byte) '\n');
        changesBytes += line.length + 1;
        lines++;
        for (Attachment a : refs) {
            if (attachments.putIfAbsent(a.sha256(), a) == null) {
                attachmentBytes += a.size();
            }
        }
        return true;
    }

    public long changeCount() {
        return lines;
    }

    /** ZIP bytes written so far plus queued attachments: roughly the file size if finished now. */
    public long approximateSize() {
        return counted.count() + attachmentBytes;
    }

    /** Writes the rest, signs the manifest, and moves the finished file into place. */
    public WrittenPackage finish(PackageSummary summary) {
        ensureOpen();
        long announced = summary.counts().values().stream().mapToLong(Long::longValue).sum();
        if (announced != lines) {
            throw new IllegalArgumentException("counts add up to " + announced + " but " + lines + " lines were appended");
        }
        try {
            zip.closeEntry();
            checkRatio(changesEntry);
            entries.add(new Manifest.EntryDigest(EntryNames.CHANGES, changesBytes, hex(changesDigest.digest())));
            zip.setLevel(Deflater.NO_COMPRESSION); // attachments are encrypted at rest: nothing to gain
            for (Attachment a : attachments.values()) {
                writeAttachment(a);
            }
            zip.setLevel(CHANGES_LEVEL);
            Optional<SignedDocument> bundle = summary.trustBundle();
            if (bundle.isPresent()) {
                writeSmall(EntryNames.TRUST_BUNDLE, bundle.get().json(), true);
                writeSmall(EntryNames.TRUST_BUNDLE_SIG, bundle.get().minisig().getBytes(StandardCharsets.UTF_8), true);
            }
            Optional<SignedDocument> rotation = summary.keyRotation();
            if (rotation.isPresent()) {
                writeSmall(EntryNames.ROTATION, rotation.get().json(), true);
                writeSmall(EntryNames.ROTATION_SIG, rotation.get().minisig().getBytes(StandardCharsets.UTF_8), true);
            }
            RecoveryEntries recovery = summary.recovery();
            if (recovery.escrow().isPresent()) {
                writeSmall(EntryNames.RECOVERY_ESCROW, checkedDocument(recovery.escrow().get()), true);
            }
            if (!recovery.tokens().isEmpty()) {
                writeSmall(EntryNames.RECOVERY_TOKENS, tokenLines(recovery.tokens()), true);
            }
            if (recovery.receipt().isPresent()) {
                writeSmall(EntryNames.RECOVERY_RECEIPT, checkedDocument(recovery.receipt().get()), true);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, start.packageId(), start.from(), start.to(), start.pkgSeq(),
                    start.prevPkgSha256(), start.schemaVersion(), start.createdAt(), summary.ack(), summary.covers(),
                    entries, summary.counts(), summary.auditChainHead());
            if (!manifest.problems().isEmpty()) {
                throw new IllegalArgumentException("manifest would be invalid: " + manifest.problems());
            }
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            if (manifestBytes.length > limits.maxManifestBytes()) {
                throw new IllegalArgumentException("manifest larger than " + limits.maxManifestBytes() + " bytes");
            }
            writeSmall(EntryNames.MANIFEST, manifestBytes, false);
            String signature = Minisign.sign(signer, manifestBytes, Manifest.FORMAT + " package " + start.packageId()
                    + " from " + start.from().node() + " seq " + start.pkgSeq());
            writeSmall(EntryNames.MANIFEST_SIG, signature.getBytes(StandardCharsets.UTF_8), false);
            zip.close(); // finishes the ZIP, the age stream's last chunk, and the file channel
            try (FileChannel sync = FileChannel.open(part, StandardOpenOption.WRITE)) {
                sync.force(true);
            }
            moveIntoPlace();
            finished = true;
            closed = true;
            return new WrittenPackage(target, manifest, hex(sha256().digest(manifestBytes)), hex(hashed.digest()),
                    hashed.count());
        } catch (JsonProcessingException e) {
            throw abort(new IOException(e));
        } catch (IOException e) {
            throw abort(e);
        } catch (RuntimeException e) {
            abortQuietly();
            throw e;
        }
    }

    private void writeAttachment(Attachment a) throws IOException {
        ZipEntry e = entry(EntryNames.attachment(a.sha256()));
        zip.putNextEntry(e);
        MessageDigest md = sha256();
        long n = 0;
        try (InputStream in = a.source().open()) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                zip.write(buf, 0, r);
                md.update(buf, 0, r);
                n += r;
                if (n > a.size()) {
                    break;
                }
            }
        }
        String actual = hex(md.digest());
        if (n != a.size() || !actual.equals(a.sha256())) {
            throw new IllegalStateException("attachment " + a.sha256() + " does not match its hash or size");
        }
        zip.closeEntry();
        entries.add(new Manifest.EntryDigest(e.getName(), n, actual));
    }

    private void writeSmall(String name, byte[] content, boolean listed) throws IOException {
        ZipEntry e = entry(name);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
        if (listed) {
            entries.add(new Manifest.EntryDigest(name, content.length, hex(sha256().digest(content))));
        }
    }

    private static byte[] checkedDocument(byte[] json) {
        if (json.length > RecoveryEntries.MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("recovery document larger than " + RecoveryEntries.MAX_DOCUMENT_BYTES);
        }
        return json;
    }

    /** One token per line, each ending with a line break (the reader refuses anything else). */
    private static byte[] tokenLines(List<byte[]> tokens) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] t : tokens) {
            if (t.length > RecoveryEntries.MAX_TOKEN_BYTES) {
                throw new IllegalArgumentException("reset token longer than " + RecoveryEntries.MAX_TOKEN_BYTES);
            }
            for (byte b : t) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a reset token must not contain a line break");
                }
            }
            out.writeBytes(t);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private void checkRatio(ZipEntry e) {
        long compressed = e.getCompressedSize();
        if (e.getSize() > limits.ratioFloorBytes() && compressed > 0 && e.getSize() > compressed * limits.maxRatio()) {
            // real change lines carry ids and dots and never compress this well; refuse rather than
            // write a package every reader would reject as a bomb
            throw new IllegalStateException("change lines compress more than " + limits.maxRatio() + ":1");
        }
    }

    private ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(entryTime);
        return e;
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("package already finished or abandoned");
        }
    }

    private SyncException abort(IOException cause) {
        abortQuietly();
        return failure(part.getParent(), cause);
    }

    private void abortQuietly() {
        closed = true;
        try {
            zip.close();
        } catch (IOException | RuntimeException ignored) {
            // abandoning the file anyway
        }
        closeQuietly(file);
        deletePart();
    }

    private void deletePart() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // nothing more we can do; a .part file is never imported
        }
    }

    static SyncException failure(Path dir, IOException cause) {
        boolean full = String.valueOf(cause.getMessage()).contains("No space left");
        try {
            FileStore store = Files.getFileStore(dir);
            full |= store.getUsableSpace() < 1024 * 1024;
        } catch (IOException | RuntimeException ignored) {
            // keep what the message said
        }
        return new SyncException(full ? UserMessage.of("syncformat.write.diskFull", dir.toString())
                : UserMessage.of("syncformat.write.failed", dir.toString()), cause);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing after a failure
            }
        }
    }

    /** Abandons the package unless it was finished: no file is left behind. */
    @Override
    public void close() {
        if (!finished && !closed) {
            abortQuietly();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Counts the ZIP bytes on their way into the encryption (the size limit is about these). */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }

    /** Hashes and counts the encrypted bytes as they reach the file. */
    private static final class HashingChannel implements WritableByteChannel {
        private final FileChannel file;
        private final MessageDigest md = sha256();
        private long count;

        HashingChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = 0;
            while (src.hasRemaining()) {
                n += file.write(src);
            }
            md.update(view);
            count += n;
            return n;
        }

        byte[] digest() {
            return md.digest();
        }

        long count() {
            return count;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
