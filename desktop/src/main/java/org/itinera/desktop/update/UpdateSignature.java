package org.itinera.desktop.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;

/**
 * The signature check of an offline update (ADR 0010): an update file ({@code .deb}, app-image
 * archive, MSI…) travels with {@code <file>.minisig}, a minisign signature by the organisation's
 * key. Nothing installs an update unless {@link #check} says {@link Outcome#VERIFIED}. The trusted
 * comment names the file (minisign's own {@code file:} field), so an older signed package renamed
 * to look newer is refused too. The file is hashed while streaming: packages are tens of MB.
 */
public final class UpdateSignature {
    public static final String SUFFIX = ".minisig";

    private UpdateSignature() {
    }

    /** What the check found; only VERIFIED allows an installation. */
    public enum Outcome {
        VERIFIED,
        /** The key matches but the bytes do not: changed or damaged after signing. */
        TAMPERED,
        /** Signed, but by another key than the organisation's. */
        OTHER_KEY,
        /** A valid signature of a file with another name (e.g. an older version renamed). */
        OTHER_FILE,
        NO_SIGNATURE,
        NOT_A_SIGNATURE
    }

    /** The outcome, the signing key's id and the file name and time the signer vouched for. */
    public record Result(Outcome outcome, String keyId, String signedFile, Optional<Instant> signedAt) {
        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    /** The signature file that travels with {@code file}. */
    public static Path signatureOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Checks {@code file} against {@code signatureFile} and the organisation's {@code key}. */
    public static Result check(Path file, Path signatureFile, VerifyKey key) throws IOException {
        if (!Files.isRegularFile(signatureFile)) {
            return new Result(Outcome.NO_SIGNATURE, "", "", Optional.empty());
        }
        if (Files.size(signatureFile) > Minisign.MAX_FILE_LENGTH) {
            return new Result(Outcome.NOT_A_SIGNATURE, "", "", Optional.empty());
        }
        Optional<Minisign.Signature> parsed = Minisign.parse(Files.readAllBytes(signatureFile));
        if (parsed.isEmpty()) {
            return new Result(Outcome.NOT_A_SIGNATURE, "", "", Optional.empty());
        }
        Minisign.Signature sig = parsed.get();
        String signedFile = field(sig.trustedComment(), "file:").orElse("");
        Optional<Instant> at = field(sig.trustedComment(), "timestamp:").flatMap(UpdateSignature::epochSeconds);
        if (!key.sameKeyId(sig.keyId())) {
            return new Result(Outcome.OTHER_KEY, sig.keyIdHex(), signedFile, at);
        }
        if (!Minisign.verifyDigest(key, digest(file), sig)) {
            return new Result(Outcome.TAMPERED, sig.keyIdHex(), signedFile, at);
        }
        if (!signedFile.equals(file.getFileName().toString())) {
            return new Result(Outcome.OTHER_FILE, sig.keyIdHex(), signedFile, at);
        }
        return new Result(Outcome.VERIFIED, sig.keyIdHex(), signedFile, at);
    }

    /**
     * The signature file text for {@code file}, with minisign's trusted comment
     * ({@code timestamp:<s>\tfile:<name>\thashed}), so {@code minisign -V} shows the same.
     */
    public static String sign(SigningKey key, Path file, Instant now) throws IOException {
        String comment = "timestamp:" + now.getEpochSecond() + "\tfile:" + file.getFileName() + "\thashed";
        return Minisign.sign(key, Files.readAllBytes(file), comment);
    }

    /** BLAKE2b-512 of the file, read in blocks. */
    static byte[] digest(Path file) throws IOException {
        Blake2bDigest d = new Blake2bDigest(512);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        Arrays.fill(buffer, (byte) 0);
        return out;
    }

    private static Optional<String> field(String trustedComment, String name) {
        return Arrays.stream(trustedComment.split("\t")).filter(f -> f.startsWith(name))
                .map(f -> f.substring(name.length())).findFirst();
    }

    private static Optional<Instant> epochSeconds(String s) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
