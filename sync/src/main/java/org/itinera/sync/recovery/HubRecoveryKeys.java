package org.itinera.sync.recovery;

import com.exceptionfactory.jagged.bech32.Bech32;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.itinera.core.recovery.RecoveryCrypto;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;

/**
 * The hub's recovery keys are its device keys (ADR 0008): the Ed25519 key that signs its packages
 * signs reset tokens, and the X25519 key of its age identity opens escrows. Laptops take the public
 * halves from the trust bundle the organisation's root signed, so no new key has to be handed
 * over; the private halves never leave the hub's sealed {@code device_secret} rows.
 */
public final class HubRecoveryKeys {
    // PKCS#8 prefixes for a raw 32-byte private key (RFC 8410)
    private static final byte[] ED25519_PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X25519_PKCS8 = HexFormat.of().parseHex("302e020100300506032b656e04220420");

    private HubRecoveryKeys() {
    }

    /** The 32 raw bytes of a minisign-format Ed25519 public key. */
    public static byte[] signingPublic(VerifyKey key) {
        return key.raw();
    }

    /** The 32 raw bytes of an age X25519 recipient ("age1…"). */
    public static byte[] escrowPublic(AgeRecipient recipient) {
        return bech32(recipient.value(), "age");
    }

    public static KeyPair signing(SigningKey key) {
        byte[] seed = key.seed();
        try {
            return new KeyPair(RecoveryCrypto.ed25519(key.publicKey().raw()), privateKey("Ed25519", ED25519_PKCS8, seed));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public static KeyPair escrow(AgeIdentity identity) {
        byte[] text = identity.encoded();
        byte[] raw = bech32(new String(text, java.nio.charset.StandardCharsets.US_ASCII), "age-secret-key-");
        Arrays.fill(text, (byte) 0);
        try {
            return new KeyPair(RecoveryCrypto.x25519(escrowPublic(identity.recipient())),
                    privateKey("X25519", X25519_PKCS8, raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] bech32(String text, String hrp) {
        var address = Bech32.getDecoder().decode(text.toLowerCase(Locale.ROOT));
        byte[] data = address.getData();
        if (!address.getHumanReadablePart().toString().equals(hrp) || data.length != 32) {
            throw new IllegalArgumentException("not an age X25519 key");
        }
        return data;
    }

    private static PrivateKey privateKey(String algorithm, byte[] prefix, byte[] raw) {
        byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(raw, 0, der, prefix.length, 32);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
