package org.itinera.sync.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * An age X25519 identity ("AGE-SECRET-KEY-1…"): what decrypts packages addressed to this device.
 * The same text works with {@code age -d -i}. Held in memory only; sealed at rest.
 */
public final class AgeIdentity implements AutoCloseable {
    private final byte[] encoded;
    private final AgeRecipient recipient;

    private AgeIdentity(byte[] encoded) throws GeneralSecurityException {
        this.encoded = encoded.clone();
        Key pub = new X25519KeyFactory().translateKey(new SecretKeySpec(this.encoded, "X25519"));
        this.recipient = new AgeRecipient(new String(pub.getEncoded(), StandardCharsets.US_ASCII));
    }

    public static AgeIdentity generate() {
        try {
            KeyPair kp = new X25519KeyPairGenerator().generateKeyPair();
            byte[] enc = kp.getPrivate().getEncoded();
            try {
                return new AgeIdentity(enc);
            } finally {
                Arrays.fill(enc, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** From the "AGE-SECRET-KEY-1…" text (ASCII bytes). */
    public static AgeIdentity of(byte[] encoded) {
        try {
            return new AgeIdentity(encoded);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an age X25519 identity");
        }
    }

    public AgeRecipient recipient() {
        return recipient;
    }

    /** The identity text as ASCII bytes, for sealing at rest or an {@code age -i} file; the caller wipes it. */
    public synchronized byte[] encoded() {
        return encoded.clone();
    }

    synchronized RecipientStanzaReader stanzaReader() throws GeneralSecurityException {
        return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(
                new String(encoded, StandardCharsets.US_ASCII));
    }

    public synchronized void destroy() {
        Arrays.fill(encoded, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + recipient + "]";
    }
}
