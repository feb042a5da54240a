package org.itinera.core.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The laptop's recovery secret sealed to the hub's escrow key (X25519 + HKDF-SHA256 + AES-256-GCM,
 * an ephemeral key per escrow). The laptop keeps only this sealed form, for the next sync package;
 * only the hub can open it, and only the hub can therefore issue a reset token for this laptop.
 */
public record RecoveryEscrow(@JsonProperty("format") String format, @JsonProperty("node") String node,
                             @JsonProperty("secret_id") String secretId, @JsonProperty("ephemeral") String ephemeral,
                             @JsonProperty("sealed") String sealed) {
    public static final String FORMAT = "itinera-recovery-escrow/1";

    static RecoveryEscrow seal(byte[] secret, String node, String secretId, PublicKey hubEscrowKey, SecureRandom random) {
        KeyPair eph = RecoveryCrypto.generate("X25519", random);
        byte[] ephRaw = RecoveryCrypto.raw(eph.getPublic());
        byte[] key = key(RecoveryCrypto.agree(eph.getPrivate(), hubEscrowKey), ephRaw, RecoveryCrypto.raw(hubEscrowKey));
        try {
            byte[] sealed = RecoveryCrypto.seal(key, secret, aad(node, secretId), random);
            return new RecoveryEscrow(FORMAT, node, secretId, b64(ephRaw), b64(sealed));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The hub's side: the recovery secret, with the hub's escrow private key. */
    public byte[] open(PrivateKey hubEscrowPrivate, PublicKey hubEscrowPublic) {
        byte[] ephRaw = Base64.getDecoder().decode(ephemeral);
        byte[] key = key(RecoveryCrypto.agree(hubEscrowPrivate, RecoveryCrypto.x25519(ephRaw)), ephRaw,
                RecoveryCrypto.raw(hubEscrowPublic));
        try {
            return RecoveryCrypto.open(key, Base64.getDecoder().decode(sealed), aad(node, secretId))
                    .orElseThrow(() -> new RecoveryException(RecoveryException.Reason.MALFORMED));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(byte[] shared, byte[] ephRaw, byte[] hubRaw) {
        byte[] salt = Arrays.copyOf(ephRaw, 64);
        System.arraycopy(hubRaw, 0, salt, 32, 32);
        try {
            return RecoveryCrypto.hkdf(shared, salt, "itinera recovery escrow");
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    private static byte[] aad(String node, String secretId) {
        return (FORMAT + "|" + node + "|" + secretId).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return ResetTokens.json().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecoveryEscrow fromJson(byte[] json) {
        try {
            RecoveryEscrow e = ResetTokens.json().readValue(json, RecoveryEscrow.class);
            if (!FORMAT.equals(e.format())) {
                throw new RecoveryException(RecoveryException.Reason.MALFORMED);
            }
            return e;
        } catch (IOException bad) {
            throw new RecoveryException(RecoveryException.Reason.MALFORMED);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
