package org.itinera.sync.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of small secrets with a key the caller owns (e.g. derived from the database
 * key, or from a passphrase). Layout: nonce (12) ‖ ciphertext ‖ tag (16); the associated data
 * binds each sealed value to its name, so values cannot be swapped between rows.
 */
public final class SecretSeal {
    private static final int NONCE = 12;
    private final byte[] key;
    private final SecureRandom random;

    public SecretSeal(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 key needed");
        }
        this.key = key.clone();
        this.random = random;
    }

    public byte[] seal(String name, byte[] plain) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Empty when the value was not sealed under this key and name (or was altered). */
    public Optional<byte[]> open(String name, byte[] sealed) {
        if (sealed.length < NONCE + 16) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, NONCE));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return Optional.of(c.doFinal(sealed, NONCE, sealed.length - NONCE));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Wipes the key. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
