package org.itinera.core.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM as the keyring and account recovery store it: a 12-byte nonce, then ciphertext and tag. */
public final class AesGcm {
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private AesGcm() {
    }

    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad, SecureRandom random) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens what {@link #seal} made; empty when the key or the associated data is wrong, or the bytes were changed. */
    public static Optional<byte[]> open(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE + TAG) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
            c.updateAAD(aad);
            return Optional.of(c.doFinal(sealed, NONCE, sealed.length - NONCE));
        } catch (AEADBadTagException wrong) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
