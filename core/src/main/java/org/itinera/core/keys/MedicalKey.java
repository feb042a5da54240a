package org.itinera.core.keys;

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
 * The medical key (docs/decisions/0009): a random 256-bit key, separate from the database key,
 * that seals medical detail column by column with AES-256-GCM. The associated data binds each
 * sealed value to its table, column and row id, so a value copied to another row or column does
 * not open. Only sessions of medical roles hold it; {@link #close()} wipes it.
 */
public final class MedicalKey implements AutoCloseable {
    public static final int LENGTH = 32;
    static final String FORMAT = "itinera-medical/1";
    private static final byte VERSION = 1;
    private final String id;
    private final byte[] bytes;
    private boolean destroyed;

    MedicalKey(String id, byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("medical key must be " + LENGTH + " bytes");
        }
        this.id = id;
        this.bytes = bytes.clone();
    }

    /** The key's id, stored beside every value it sealed (column {@code medical_key_id}). */
    public String id() {
        return id;
    }

    /** Seals a value of one column of one row: version byte, 12-byte nonce, ciphertext and tag. */
    public synchronized byte[] seal(String table, String column, String rowId, byte[] plaintext, SecureRandom random) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(table, column, rowId));
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[1 + nonce.length + ct.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, nonce.length);
            System.arraycopy(ct, 0, out, 1 + nonce.length, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens what {@link #seal} made for the same table, column and row; empty if anything differs. */
    public synchronized Optional<byte[]> open(String table, String column, String rowId, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + 12 + 16 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, sealed, 1, 12));
            c.updateAAD(aad(table, column, rowId));
            return Optional.of(c.doFinal(sealed, 13, sealed.length - 13));
        } catch (AEADBadTagException wrong) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A copy of the raw key, for wrapping it for another user; the caller wipes it. */
    synchronized byte[] bytes() {
        return key().clone();
    }

    private byte[] key() {
        if (destroyed) {
            throw new IllegalStateException("medical key was destroyed");
        }
        return bytes;
    }

    private byte[] aad(String table, String column, String rowId) {
        return (FORMAT + "|" + id + "|" + table + "|" + column + "|" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }
}
