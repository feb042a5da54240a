package org.itinera.sync.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.trust.TrustBundle;

/**
 * A package whose every byte was checked: decrypted with this device's key, ZIP structure sound,
 * manifest signed by a trusted, unrevoked key of the node it claims, addressed to this node, every
 * entry matching the size and SHA-256 the manifest signs. Change lines and attachments are
 * streamed from the decrypted copy (memory or sealed scratch file), re-hashed as they stream.
 * Close it to wipe that copy and the staged file.
 */
public final class VerifiedPackage implements ReadOutcome, AutoCloseable {
    private final String fileName;
    private final String fileSha256;
    private final Manifest manifest;
    private final String manifestSha256;
    private final TrustBundle.NodeKey signer;
    private final boolean signerViaRotation;
    private final Optional<SignedDocument> newerTrustBundle;
    private final Scratch scratch;
    private final StrictZip zip;
    private final Path staged;
    private final int maxLineBytes;
    private final RecoveryEntries recovery;

    VerifiedPackage(String fileName, String fileSha256, Manifest manifest, String manifestSha256,
                    TrustBundle.NodeKey signer, boolean signerViaRotation, Optional<SignedDocument> newerTrustBundle,
                    Scratch scratch, StrictZip zip, Path staged, int maxLineBytes, RecoveryEntries recovery) {
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.manifest = manifest;
        this.manifestSha256 = manifestSha256;
        this.signer = signer;
        this.signerViaRotation = signerViaRotation;
        this.newerTrustBundle = newerTrustBundle;
        this.scratch = scratch;
        this.zip = zip;
        this.staged = staged;
        this.maxLineBytes = maxLineBytes;
        this.recovery = recovery;
    }

    /** The account-recovery entries (escrow, reset tokens, escrow receipt), already checked for shape and signer. */
    public RecoveryEntries recovery() {
        return recovery;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String fileSha256() {
        return fileSha256;
    }

    @Override
    public UserMessage message() {
        return UserMessage.of("syncformat.verified");
    }

    public Manifest manifest() {
        return manifest;
    }

    /** SHA-256 of manifest.json: the link the next package of this sender to this node must point back to. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /** The enrolled key that signed (its node id is the sender's). */
    public TrustBundle.NodeKey signer() {
        return signer;
    }

    /** Whether the signer is trusted only through a rotation statement signed by its enrolled predecessor. */
    public boolean signerViaRotation() {
        return signerViaRotation;
    }

    /**
     * A trust bundle the package carried, signed by the pinned root and newer than the current one
     * (it was already used to judge this package's signer). Store it with
     * {@code TrustService.acceptFromPackage} in the import's transaction.
     */
    public Optional<SignedDocument> newerTrustBundle() {
        return newerTrustBundle;
    }

    /** The attachments inside, by SHA-256. */
    public List<String> attachments() {
        return manifest.entries().stream().map(Manifest.EntryDigest::name).filter(EntryNames::isAttachment)
                .map(n -> n.substring(EntryNames.ATTACHMENT_PREFIX.length())).toList();
    }

    /** A strict JSON mapper for parsing change lines (duplicate keys, depth, number and string limits). */
    public ObjectMapper changeLineMapper() {
        return SyncJson.forChangeLines(maxLineBytes);
    }

    /** The change lines, one at a time, in the order written. Close when done. */
    public ChangeLines changeLines() {
        StrictZip.Entry e = zip.entries().get(EntryNames.CHANGES);
        return new ChangeLines(new Rehashing(zip.open(e), digestOf(EntryNames.CHANGES)), maxLineBytes);
    }

    /** An attachment's content (already verified; re-hashed while read). */
    public InputStream openAttachment(String sha256) {
        String name = EntryNames.attachment(sha256);
        StrictZip.Entry e = zip.entries().get(name);
        if (e == null) {
            throw new IllegalArgumentException("no attachment " + sha256 + " in this package");
        }
        return new Rehashing(zip.open(e), digestOf(name));
    }

    private Manifest.EntryDigest digestOf(String name) {
        return manifest.entries().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        scratch.close();
        try {
            if (staged != null) {
                Files.deleteIfExists(staged);
            }
        } catch (IOException ignored) {
            // swept at the next start
        }
    }

    /** Reading lines back: one line per call, {@code null} at the end. */
    public static final class ChangeLines implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private final int maxLineBytes;
        private int position;
        private int limit;
        private long number;

        ChangeLines(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        /** The next line's bytes (UTF-8 JSON, no line break), or null after the last. */
        public byte[] next() {
            try {
                java.io.ByteArrayOutputStream spill = null;
                while (true) {
                    if (position == limit) {
                        limit = in.read(buffer, 0, buffer.length);
                        position = 0;
                        if (limit <= 0) {
                            limit = 0;
                            if (spill == null || spill.size() == 0) {
                                return null;
                            }
                            number++;
                            return spill.toByteArray(); // verified input always ends with a line break
                        }
                    }
                    int start = position;
                    while (position < limit && buffer[position] != '\n') {
                        position++;
                    }
                    if (position < limit) {
                        byte[] line;
                        if (spill == null) {
                            line = Arrays.copyOfRange(buffer, start, position);
                        } else {
                            spill.write(buffer, start, position - start);
                            line = spill.toByteArray();
                        }
                        position++;
                        number++;
                        return line;
                    }
                    if (spill == null) {
                        spill = new java.io.ByteArrayOutputStream();
                    }
                    spill.write(buffer, start, position - start);
                    if (spill.size() > maxLineBytes) {
                        throw new IOException("line longer than verified");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String nextString() {
            byte[] line = next();
            return line == null ? null : new String(line, StandardCharsets.UTF_8);
        }

        /** 1-based number of the line last returned. */
        public long lineNumber() {
            return number;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Second reading of an entry: must hash to what was verified, or the scratch copy was disturbed. */
    private static final class Rehashing extends InputStream {
        private final InputStream in;
        private final Manifest.EntryDigest expected;
        private final MessageDigest md = OutgoingPackage.sha256();
        private boolean checked;

        Rehashing(InputStream in, Manifest.EntryDigest expected) {
            this.in = in;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                md.update(b, off, n);
            } else if (n < 0 && !checked) {
                checked = true;
                if (!OutgoingPackage.hex(md.digest()).equals(expected.sha256())) {
                    throw new IOException("entry " + expected.name() + " changed after verification");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
