package org.itinera.core.recovery;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.itinera.core.keys.Argon2Kdf;
import org.itinera.core.keys.Argon2Parameters;

/**
 * The hub's half of account recovery: opens a laptop's escrow and issues a reset token with its
 * one-time code. It lives here so the future hub command line and the tests (with a test hub key)
 * share the exact format the laptop verifies; laptops never hold the hub's private keys.
 */
public final class HubRecoveryIssuer {
    /** Tokens older than this are refused by laptops whatever their stated expiry. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final KeyPair signing;
    private final KeyPair escrow;
    private final SecureRandom random;
    private final Argon2Parameters kdf;

    public HubRecoveryIssuer(KeyPair signing, KeyPair escrow, SecureRandom random, Argon2Parameters kdf) {
        this.signing = signing;
        this.escrow = escrow;
        this.random = random;
        this.kdf = kdf;
    }

    /** A token and the code to tell the person (by phone, in person) — never in the same package. */
    public record Issued(byte[] token, String code, String tokenId) {
    }

    public byte[] signingPublicKey() {
        return RecoveryCrypto.raw(signing.getPublic());
    }

    public byte[] escrowPublicKey() {
        return RecoveryCrypto.raw(escrow.getPublic());
    }

    public Issued issue(byte[] escrowJson, String username, Instant now, Duration validity) {
        RecoveryEscrow e = RecoveryEscrow.fromJson(escrowJson);
        byte[] secret = e.open(escrow.getPrivate(), escrow.getPublic());
        String code = newCode();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String tokenId = UUID.randomUUID().toString();
        ResetToken unsealed = new ResetToken(ResetToken.FORMAT, tokenId, e.node(), username.strip().toLowerCase(Locale.ROOT),
                e.secretId(), now.toString(), now.plus(validity).toString(), b64(salt), kdf.memoryKiB(), kdf.iterations(),
                kdf.parallelism(), "");
        byte[] codeKey = Argon2Kdf.derive(normaliseCode(code).toCharArray(), salt, kdf);
        try {
            byte[] sealed = RecoveryCrypto.seal(codeKey, secret, unsealed.aad(), random);
            ResetToken t = new ResetToken(unsealed.format(), tokenId, unsealed.node(), unsealed.username(),
                    unsealed.secretId(), unsealed.issuedAt(), unsealed.expiresAt(), unsealed.codeSalt(), kdf.memoryKiB(),
                    kdf.iterations(), kdf.parallelism(), b64(sealed));
            return new Issued(ResetTokens.sign(t, signing.getPrivate()), code, tokenId);
        } finally {
            Arrays.fill(codeKey, (byte) 0);
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** 16 characters from an alphabet without look-alikes (0/O, 1/I), in groups of four: 80 bits. */
    private String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Codes are compared without spaces or dashes and in capitals, as people type them. */
    public static String normaliseCode(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
