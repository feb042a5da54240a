package org.itinera.sync.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * What two people compare on two screens before trusting a key: 80 bits of a SHA-256 over the
 * public keys, in Crockford base32 (no I, L, O, U), as four groups of four, e.g.
 * {@code 7KQF-3MZP-X2RA-9HDV}. Reading it back forgives case, spaces and the look-alikes O/0, I/L/1.
 */
public record Fingerprint(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String DEVICE = "itinera-device-key/1";
    private static final String ROOT = "itinera-root-key/1";

    public Fingerprint {
        if (!value.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")) {
            throw new IllegalArgumentException("not a fingerprint");
        }
    }

    /** A device's fingerprint covers both its signing key and its age recipient. */
    public static Fingerprint ofDevice(VerifyKey signing, AgeRecipient recipient) {
        MessageDigest md = sha256();
        md.update(DEVICE.getBytes(StandardCharsets.US_ASCII));
        md.update(signing.keyId());
        md.update(signing.raw());
        md.update(recipient.value().getBytes(StandardCharsets.US_ASCII));
        return encode(md.digest());
    }

    public static Fingerprint ofRoot(VerifyKey root) {
        MessageDigest md = sha256();
        md.update(ROOT.getBytes(StandardCharsets.US_ASCII));
        md.update(root.keyId());
        md.update(root.raw());
        return encode(md.digest());
    }

    /** Reads what a person typed; empty when it cannot be a fingerprint. */
    public static Optional<Fingerprint> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char d = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(d) < 0) {
                return Optional.empty();
            }
            sb.append(d);
        }
        if (sb.length() != 16) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(sb.substring(0, 4) + "-" + sb.substring(4, 8) + "-" + sb.substring(8, 12)
                + "-" + sb.substring(12, 16)));
    }

    private static Fingerprint encode(byte[] digest) {
        // 80 bits = 16 base32 digits
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < 10; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return parse(sb.toString()).orElseThrow();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
