package org.itinera.sync.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key (its 32-byte seed) with the minisign key id of its public half. Lives in
 * memory only; at rest it is sealed in {@code device_secret} or in the passphrase-protected root
 * key file. {@link #destroy()} wipes the seed.
 */
public final class SigningKey implements AutoCloseable {
    private final byte[] seed;
    private final VerifyKey publicKey;
    private boolean destroyed;

    public SigningKey(byte[] seed, byte[] keyId) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.seed = seed.clone();
        Ed25519PrivateKeyParameters p = new Ed25519PrivateKeyParameters(this.seed, 0);
        this.publicKey = new VerifyKey(keyId, p.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        byte[] seed = new byte[32];
        byte[] id = new byte[VerifyKey.KEY_ID_LENGTH];
        random.nextBytes(seed);
        random.nextBytes(id);
        try {
            return new SigningKey(seed, id);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public VerifyKey publicKey() {
        return publicKey;
    }

    /** A copy of the seed, for sealing at rest; the caller wipes it. */
    public synchronized byte[] seed() {
        ensureAlive();
        return seed.clone();
    }

    public synchronized byte[] sign(byte[] message) {
        ensureAlive();
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private void ensureAlive() {
        if (destroyed) {
            throw new IllegalStateException("signing key was destroyed");
        }
    }

    public synchronized void destroy() {
        Arrays.fill(seed, (byte) 0);
        destroyed = true;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SigningKey[" + publicKey.keyIdHex() + "]";
    }
}
