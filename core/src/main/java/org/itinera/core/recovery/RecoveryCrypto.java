package org.itinera.core.recovery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.itinera.core.keys.AesGcm;

/**
 * The few primitives account recovery needs, all from the JDK (Ed25519, X25519, AES-256-GCM) plus
 * BouncyCastle's HKDF-SHA256: no hand-written cryptography. Keys travel as their raw 32 bytes.
 */
public final class RecoveryCrypto {
    // DER prefixes of SubjectPublicKeyInfo for the two curves (RFC 8410): prefix + 32 raw bytes
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] X25519_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

    private RecoveryCrypto() {
    }

    public static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        gen.generateBytes(out, 0, out.length);
        return out;
    }

    /** AES-256-GCM; the result is nonce (12 bytes) followed by ciphertext and tag. */
    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad, SecureRandom random) {
        return AesGcm.seal(key, plaintext, aad, random);
    }

    /** Opens what {@link #seal} made; empty when the key or the associated data is wrong, or the bytes were changed. */
    public static Optional<byte[]> open(byte[] key, byte[] sealed, byte[] aad) {
        return AesGcm.open(key, sealed, aad);
    }

    public static PublicKey ed25519(byte[] raw) {
        return publicKey("Ed25519", ED25519_PREFIX, raw);
    }

    public static PublicKey x25519(byte[] raw) {
        return publicKey("X25519", X25519_PREFIX, raw);
    }

    /** The raw 32 bytes of an Ed25519 or X25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] enc = key.getEncoded();
        return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
    }

    private static PublicKey publicKey(String algorithm, byte[] prefix, byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException(algorithm + " public keys are 32 bytes");
        }
        byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(raw, 0, der, prefix.length, 32);
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid " + algorithm + " key", e);
        }
    }

    public static boolean verify(PublicKey ed25519, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(ed25519);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static byte[] sign(PrivateKey ed25519, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(ed25519);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    public static KeyPair generate(String algorithm, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    public static byte[] agree(PrivateKey mine, PublicKey theirs) {
        try {
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(mine);
            ka.doPhase(theirs, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** A short fingerprint to compare keys by eye (first 16 hex digits of SHA-256). */
    public static String fingerprint(byte[] raw) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
