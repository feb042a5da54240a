package org.itinera.core.db;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The random 256-bit key that encrypts the database pages. It never leaves memory unwrapped;
 * {@link #destroy()} wipes it when the database closes.
 */
public final class DatabaseKey implements AutoCloseable {
    public static final int LENGTH = 32;
    private final byte[] bytes;
    private boolean destroyed;

    public DatabaseKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("database key must be " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    public static DatabaseKey generate(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        DatabaseKey key = new DatabaseKey(b);
        Arrays.fill(b, (byte) 0);
        return key;
    }

    public synchronized byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("database key was destroyed");
        }
        return bytes.clone();
    }

    /**
     * A 256-bit key for one purpose, derived from this key with HKDF-SHA256 (the purpose is the
     * HKDF info). Lets other layers seal their own secrets without ever holding the page key.
     */
    public synchronized byte[] derive(String purpose) {
        if (destroyed) {
            throw new IllegalStateException("database key was destroyed");
        }
        try {
            javax.crypto.KDF hkdf = javax.crypto.KDF.getInstance("HKDF-SHA256");
            javax.crypto.SecretKey k = hkdf.deriveKey("AES", javax.crypto.spec.HKDFParameterSpec.ofExtract()
                    .addIKM(new javax.crypto.spec.SecretKeySpec(bytes, "HKDF"))
                    .thenExpand(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8), LENGTH));
            return k.getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 unavailable", e);
        }
    }

    public synchronized void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public void close() {
        destroy();
    }
}
