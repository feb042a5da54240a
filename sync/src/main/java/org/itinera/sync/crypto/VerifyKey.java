package org.itinera.sync.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 public key with its minisign key id (8 bytes, as stored in minisign files). Written
 * and read in minisign's public-key format, so {@code minisign -V -P <key>} checks our signatures.
 */
public final class VerifyKey {
    static final byte[] ALGORITHM = {'E', 'd'};
    public static final int KEY_ID_LENGTH = 8;
    public static final int RAW_LENGTH = 32;

    private final byte[] keyId;
    private final byte[] raw;

    public VerifyKey(byte[] keyId, byte[] raw) {
        if (keyId.length != KEY_ID_LENGTH || raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 key has an 8-byte id and 32 bytes");
        }
        this.keyId = keyId.clone();
        this.raw = raw.clone();
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public byte[] raw() {
        return raw.clone();
    }

    /** The key id as minisign prints it: the little-endian 64-bit number in upper-case hex. */
    public String keyIdHex() {
        return keyIdHex(keyId);
    }

    static String keyIdHex(byte[] id) {
        byte[] reversed = new byte[id.length];
        for (int i = 0; i < id.length; i++) {
            reversed[i] = id[id.length - 1 - i];
        }
        return HexFormat.of().withUpperCase().formatHex(reversed);
    }

    /** The base64 line of a minisign public key: "Ed", key id, key. */
    public String minisignBase64() {
        byte[] b = new byte[2 + KEY_ID_LENGTH + RAW_LENGTH];
        System.arraycopy(ALGORITHM, 0, b, 0, 2);
        System.arraycopy(keyId, 0, b, 2, KEY_ID_LENGTH);
        System.arraycopy(raw, 0, b, 2 + KEY_ID_LENGTH, RAW_LENGTH);
        return Base64.getEncoder().encodeToString(b);
    }

    /** A complete minisign public-key file (two lines). */
    public String minisignFile() {
        return "untrusted comment: minisign public key " + keyIdHex() + "\n" + minisignBase64() + "\n";
    }

    /** Reads the base64 line of a minisign public key; empty when it is not one. */
    public static Optional<VerifyKey> fromMinisignBase64(String line) {
        if (line == null || line.length() > 64) {
            return Optional.empty();
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(line.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (b.length != 2 + KEY_ID_LENGTH + RAW_LENGTH || b[0] != 'E' || b[1] != 'd') {
            return Optional.empty();
        }
        return Optional.of(new VerifyKey(Arrays.copyOfRange(b, 2, 2 + KEY_ID_LENGTH), Arrays.copyOfRange(b, 10, b.length)));
    }

    /** Reads a minisign public-key file (comment line, then the key) or just its key line. */
    public static Optional<VerifyKey> fromMinisignFile(String text) {
        if (text == null || text.length() > 4096) {
            return Optional.empty();
        }
        String[] lines = text.strip().split("\r?\n");
        String keyLine = lines[lines.length - 1];
        if (lines.length > 2 || (lines.length == 2 && !lines[0].startsWith("untrusted comment:"))) {
            return Optional.empty();
        }
        return fromMinisignBase64(keyLine);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    public boolean sameKeyId(byte[] other) {
        return Arrays.equals(keyId, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyKey v && Arrays.equals(keyId, v.keyId) && Arrays.equals(raw, v.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VerifyKey[" + keyIdHex().toLowerCase(Locale.ROOT) + "]";
    }
}
