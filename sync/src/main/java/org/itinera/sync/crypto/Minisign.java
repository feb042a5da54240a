package org.itinera.sync.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Signatures in minisign's file format (https://jedisct1.github.io/minisign/), pre-hashed variant:
 * <pre>
 * untrusted comment: &lt;text&gt;
 * base64("ED" ‖ key id (8) ‖ Ed25519(BLAKE2b-512(message)))
 * trusted comment: &lt;text&gt;
 * base64(Ed25519(signature ‖ trusted comment))
 * </pre>
 * Verifiable with {@code minisign -V -P <public key> -m <file>}. Parsing is strict and never
 * throws: anything that is not exactly this shape is "not a signature".
 */
public final class Minisign {
    static final byte[] PREHASHED = {'E', 'D'};
    public static final int MAX_FILE_LENGTH = 2048;
    private static final int MAX_COMMENT = 512;
    private static final String UNTRUSTED = "untrusted comment: ";
    private static final String TRUSTED = "trusted comment: ";

    private Minisign() {
    }

    /** A parsed signature file. */
    public record Signature(byte[] keyId, byte[] signature, String trustedComment, byte[] globalSignature) {
        public String keyIdHex() {
            return VerifyKey.keyIdHex(keyId);
        }
    }

    /** Signs {@code message}; returns the complete .minisig file text. */
    public static String sign(SigningKey key, byte[] message, String trustedComment) {
        if (trustedComment.contains("\n") || trustedComment.contains("\r") || trustedComment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("trusted comment must be one short line");
        }
        byte[] sig = key.sign(blake2b512(message));
        byte[] tc = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] global = key.sign(concat(sig, tc));
        byte[] keyId = key.publicKey().keyId();
        byte[] line = new byte[2 + keyId.length + sig.length];
        System.arraycopy(PREHASHED, 0, line, 0, 2);
        System.arraycopy(keyId, 0, line, 2, keyId.length);
        System.arraycopy(sig, 0, line, 2 + keyId.length, sig.length);
        Base64.Encoder b64 = Base64.getEncoder();
        return UNTRUSTED + "signature from itinera key " + key.publicKey().keyIdHex() + "\n"
                + b64.encodeToString(line) + "\n"
                + TRUSTED + trustedComment + "\n"
                + b64.encodeToString(global) + "\n";
    }

    /** Parses a .minisig file; empty if it is not exactly a pre-hashed minisign signature. */
    public static Optional<Signature> parse(byte[] file) {
        if (file == null || file.length > MAX_FILE_LENGTH) {
            return Optional.empty();
        }
        String text = new String(file, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), file)) {
            return Optional.empty(); // not valid UTF-8
        }
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        if (n == 5 && lines[4].isEmpty()) {
            n = 4;
        }
        if (n != 4) {
            return Optional.empty();
        }
        for (int i = 0; i < 4; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        if (!lines[0].startsWith(UNTRUSTED) || lines[0].length() > MAX_COMMENT + UNTRUSTED.length()
                || !lines[2].startsWith(TRUSTED) || lines[2].length() > MAX_COMMENT + TRUSTED.length()) {
            return Optional.empty();
        }
        byte[] sigLine = decode(lines[1]);
        byte[] global = decode(lines[3]);
        if (sigLine == null || global == null || sigLine.length != 74 || global.length != 64
                || sigLine[0] != PREHASHED[0] || sigLine[1] != PREHASHED[1]) {
            return Optional.empty();
        }
        return Optional.of(new Signature(Arrays.copyOfRange(sigLine, 2, 10), Arrays.copyOfRange(sigLine, 10, 74),
                lines[2].substring(TRUSTED.length()), global));
    }

    /** Whether {@code sig} is {@code key}'s valid signature of {@code message}, trusted comment included. */
    public static boolean verify(VerifyKey key, byte[] message, Signature sig) {
        return verifyDigest(key, blake2b512(message), sig);
    }

    /**
     * As {@link #verify}, for a message too big to hold in memory: {@code blake2b512} is its BLAKE2b-512
     * digest, computed while streaming it.
     */
    public static boolean verifyDigest(VerifyKey key, byte[] blake2b512, Signature sig) {
        if (!key.sameKeyId(sig.keyId())) {
            return false;
        }
        if (!key.verifies(blake2b512, sig.signature())) {
            return false;
        }
        return key.verifies(concat(sig.signature(), sig.trustedComment().getBytes(StandardCharsets.UTF_8)),
                sig.globalSignature());
    }

    public static byte[] blake2b512(byte[] message) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(message, 0, message.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    private static byte[] decode(String s) {
        if (s.length() > 200) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
