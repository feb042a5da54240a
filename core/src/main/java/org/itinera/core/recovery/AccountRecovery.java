package org.itinera.core.recovery;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.keys.Argon2Kdf;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.keys.Keyring;

/**
 * The laptop's half of account recovery (docs/decisions/0008), working on the keyring before the
 * database is open. Enrolment wraps the database key under a fresh random recovery secret and
 * seals that secret to the hub. A reset token from the hub, verified against the enrolled hub key,
 * together with its one-time code, gives the secret back: the key is unwrapped, the person sets a
 * new passphrase, the token is spent and the secret replaced (so a token works once, even copied).
 */
public final class AccountRecovery {
    /** Wrong codes a token tolerates before it is spent. */
    static final int MAX_WRONG_CODES = 5;
    /** Clocks in the field drift: a token issued a little "in the future" is still accepted. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Keyring keyring;
    private final Clock clock;
    private final SecureRandom random;

    public AccountRecovery(Keyring keyring, Clock clock, SecureRandom random) {
        this.keyring = keyring;
        this.clock = clock;
        this.random = random;
    }

    public boolean enrolled() {
        return keyring.recovery().map(r -> r.wrappedKey() != null).orElse(false);
    }

    /**
     * Wraps the (unlocked) database key under a new recovery secret and returns the secret sealed
     * to the hub, to be sent in the next sync package. Tokens already used stay remembered.
     */
    public RecoveryEscrow enrol(DatabaseKey key, String node, byte[] hubSigningKey, byte[] hubEscrowKey) {
        RecoveryCrypto.ed25519(hubSigningKey); // refuses a malformed key before anything changes
        PublicKey escrowKey = RecoveryCrypto.x25519(hubEscrowKey);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretId = UUID.randomUUID().toString();
        byte[] raw = key.bytes();
        byte[] wrapKey = wrapKey(secret, secretId);
        try {
            byte[] wrapped = RecoveryCrypto.seal(wrapKey, raw, wrapAad(secretId), random);
            Optional<Keyring.RecoverySection> old = keyring.recovery();
            keyring.saveRecovery(new Keyring.RecoverySection(node, b64(hubSigningKey), b64(hubEscrowKey), secretId,
                    b64(wrapped), List.of(), old.map(Keyring.RecoverySection::usedTokenIds).orElse(List.of()), Map.of()));
            return RecoveryEscrow.seal(secret, node, secretId, escrowKey, random);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(wrapKey, (byte) 0);
        }
    }

    /**
     * Accepts a token that arrived (in a sync package, or as a file): checks the hub's signature,
     * that it is for this laptop, current and unused, and keeps it until the person uses it.
     */
    public ResetToken receive(byte[] tokenBytes) {
        Keyring.RecoverySection r = section();
        ResetToken t = check(tokenBytes, r);
        if (r.pendingTokens().stream().noneMatch(p -> Arrays.equals(p.getBytes(StandardCharsets.UTF_8), tokenBytes))) {
            List<String> pending = new ArrayList<>(r.pendingTokens());
            pending.add(new String(tokenBytes, StandardCharsets.UTF_8));
            keyring.saveRecovery(with(r, pending, r.usedTokenIds(), r.wrongCodes()));
        }
        return t;
    }

    /** What a successful {@link #unlock} gives: the database key, and the token that was spent. */
    public record Unlocked(DatabaseKey key, ResetToken token) {
    }

    /**
     * Opens the database key with a token (given, or received earlier for this username) and its
     * code. The token is spent here, before anything else happens, so it can never work twice.
     */
    public Unlocked unlock(String username, Optional<byte[]> tokenBytes, char[] code) {
        Keyring.RecoverySection r = section();
        String user = username.strip().toLowerCase(Locale.ROOT);
        ResetToken t = tokenBytes.map(b -> check(b, r)).orElseGet(() -> pendingFor(r, user));
        if (!t.username().equals(user)) {
            throw new RecoveryException(RecoveryException.Reason.OTHER_USER);
        }
        byte[] codeKey = Argon2Kdf.derive(HubRecoveryIssuer.normaliseCode(new String(code)).toCharArray(),
                Base64.getDecoder().decode(t.codeSalt()), new Argon2Parameters(t.memoryKiB(), t.iterations(), t.parallelism()));
        Optional<byte[]> secret;
        try {
            secret = RecoveryCrypto.open(codeKey, Base64.getDecoder().decode(t.sealedSecret()), t.aad());
        } finally {
            Arrays.fill(codeKey, (byte) 0);
        }
        if (secret.isEmpty()) {
            wrongCode(r, t);
            throw new RecoveryException(RecoveryException.Reason.WRONG_CODE);
        }
        byte[] wrapKey = wrapKey(secret.get(), r.secretId());
        try {
            byte[] raw = RecoveryCrypto.open(wrapKey, Base64.getDecoder().decode(r.wrappedKey()), wrapAad(r.secretId()))
                    .orElseThrow(() -> new RecoveryException(RecoveryException.Reason.STALE));
            spend(r, t);
            try {
                return new Unlocked(new DatabaseKey(raw), t);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
            Arrays.fill(secret.get(), (byte) 0);
        }
    }

    /** The hub keys this laptop trusts for recovery, to rotate the secret after a reset. */
    public Optional<byte[][]> hubKeys() {
        return keyring.recovery().filter(r -> r.hubSigningKey() != null)
                .map(r -> new byte[][] {unb64(r.hubSigningKey()), unb64(r.hubEscrowKey())});
    }

    private ResetToken check(byte[] tokenBytes, Keyring.RecoverySection r) {
        ResetToken t = ResetTokens.verify(tokenBytes, RecoveryCrypto.ed25519(unb64(r.hubSigningKey())));
        Instant now = clock.instant();
        if (!t.node().equals(r.node())) {
            throw new RecoveryException(RecoveryException.Reason.OTHER_LAPTOP);
        }
        if (r.usedTokenIds().contains(t.tokenId())) {
            throw new RecoveryException(RecoveryException.Reason.ALREADY_USED);
        }
        if (t.issued().isAfter(now.plus(CLOCK_SKEW))) {
            throw new RecoveryException(RecoveryException.Reason.NOT_YET_VALID);
        }
        if (Duration.between(t.issued(), t.expires()).compareTo(HubRecoveryIssuer.MAX_VALIDITY) > 0) {
            throw new RecoveryException(RecoveryException.Reason.TOO_LONG);
        }
        if (!now.isBefore(t.expires())) {
            throw new RecoveryException(RecoveryException.Reason.EXPIRED);
        }
        if (!t.secretId().equals(r.secretId())) {
            throw new RecoveryException(RecoveryException.Reason.STALE);
        }
        return t;
    }

    private ResetToken pendingFor(Keyring.RecoverySection r, String user) {
        RecoveryException last = new RecoveryException(RecoveryException.Reason.NO_TOKEN);
        for (String p : r.pendingTokens()) {
            try {
                ResetToken t = check(p.getBytes(StandardCharsets.UTF_8), r);
                if (t.username().equals(user)) {
                    return t;
                }
            } catch (RecoveryException e) {
                last = e.reason() == RecoveryException.Reason.EXPIRED ? e : last;
            }
        }
        throw last;
    }

    private void wrongCode(Keyring.RecoverySection r, ResetToken t) {
        Map<String, Integer> attempts = new HashMap<>(r.wrongCodes());
        int n = attempts.merge(t.tokenId(), 1, Integer::sum);
        if (n >= MAX_WRONG_CODES) {
            spend(r, t);
        } else {
            keyring.saveRecovery(with(r, r.pendingTokens(), r.usedTokenIds(), attempts));
        }
    }

    private void spend(Keyring.RecoverySection r, ResetToken t) {
        List<String> used = new ArrayList<>(r.usedTokenIds());
        used.add(t.tokenId());
        List<String> pending = r.pendingTokens().stream().filter(p -> !isToken(p, r, t)).toList();
        Map<String, Integer> attempts = new HashMap<>(r.wrongCodes());
        attempts.remove(t.tokenId());
        keyring.saveRecovery(with(r, pending, used, attempts));
    }

    private static boolean isToken(String pending, Keyring.RecoverySection r, ResetToken t) {
        try {
            return ResetTokens.verify(pending.getBytes(StandardCharsets.UTF_8),
                    RecoveryCrypto.ed25519(unb64(r.hubSigningKey()))).tokenId().equals(t.tokenId());
        } catch (RecoveryException e) {
            return false;
        }
    }

    private Keyring.RecoverySection section() {
        return keyring.recovery().filter(r -> r.hubSigningKey() != null && r.wrappedKey() != null)
                .orElseThrow(() -> new RecoveryException(RecoveryException.Reason.NOT_ENROLLED));
    }

    private static Keyring.RecoverySection with(Keyring.RecoverySection r, List<String> pending, List<String> used,
                                                Map<String, Integer> attempts) {
        return new Keyring.RecoverySection(r.node(), r.hubSigningKey(), r.hubEscrowKey(), r.secretId(), r.wrappedKey(),
                pending, used, attempts);
    }

    private static byte[] wrapKey(byte[] secret, String secretId) {
        return RecoveryCrypto.hkdf(secret, secretId.getBytes(StandardCharsets.UTF_8), "itinera recovery key wrap");
    }

    private static byte[] wrapAad(String secretId) {
        return ("itinera-recovery/1|" + secretId).getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
