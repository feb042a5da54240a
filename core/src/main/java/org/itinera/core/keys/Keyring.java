package org.itinera.core.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.itinera.core.db.DatabaseException;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.i18n.UserMessage;

/**
 * The keyring file beside the database: the random database key, wrapped once per local user with
 * a key derived from that user's passphrase (Argon2id → AES-256-GCM). A passphrase change re-wraps
 * one entry and never re-encrypts the database. Usernames are stored only as salted hashes.
 * Failed attempts and lock-outs are kept here because they must work before the database opens.
 */
public final class Keyring {
    public static final String FORMAT = "itinera-keyring/1";
    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofHours(1);
    /** Failed attempts kept for the audit trail until someone signs in; the oldest go first. */
    static final int MAX_KEPT_FAILURES = 1000;

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Keyring(Path file, Clock clock, SecureRandom random) {
        this.file = file;
        this.clock = clock;
        this.random = random;
    }

    record Entry(@JsonProperty("user") String userRef, @JsonProperty("salt") String salt,
                 @JsonProperty("m") int memoryKiB, @JsonProperty("t") int iterations,
                 @JsonProperty("p") int parallelism, @JsonProperty("wrapped") String wrapped,
                 @JsonProperty("failed") int failedAttempts, @JsonProperty("lockedUntil") String lockedUntil) {
        Argon2Parameters params() {
            return new Argon2Parameters(memoryKiB, iterations, parallelism);
        }

        Entry withFailures(int failed, Instant until) {
            return new Entry(userRef, salt, memoryKiB, iterations, parallelism, wrapped, failed,
                    until == null ? null : until.toString());
        }
    }

    /** A failed attempt, kept until it is written into the audit trail at the next sign-in. */
    record Failure(@JsonProperty("id") String id, @JsonProperty("user") String userRef, @JsonProperty("at") String at,
                   @JsonProperty("locked") boolean lockedOut) {
    }

    record Content(@JsonProperty("format") String format, @JsonProperty("installSalt") String installSalt,
                   @JsonProperty("keyId") String keyId, @JsonProperty("entries") List<Entry> entries,
                   @JsonProperty("failures") List<Failure> failures,
                   @JsonProperty("recovery") RecoverySection recovery) {
        Content {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        Content withEntries(List<Entry> e) {
            return new Content(format, installSalt, keyId, e, failures, recovery);
        }

        Content withFailures(List<Failure> f) {
            return new Content(format, installSalt, keyId, entries, f, recovery);
        }

        Content withRecovery(RecoverySection r) {
            return new Content(format, installSalt, keyId, entries, failures, r);
        }
    }

    /**
     * Account recovery (docs/decisions/0008): the database key wrapped under a random recovery
     * secret that only the hub can hand back, the hub key that signs reset tokens, the tokens
     * received and not yet used, and the ids of those used.
     */
    public record RecoverySection(@JsonProperty("node") String node,
                                  @JsonProperty("hubSigningKey") String hubSigningKey,
                                  @JsonProperty("hubEscrowKey") String hubEscrowKey,
                                  @JsonProperty("secretId") String secretId,
                                  @JsonProperty("wrapped") String wrappedKey,
                                  @JsonProperty("pending") List<String> pendingTokens,
                                  @JsonProperty("used") List<String> usedTokenIds,
                                  @JsonProperty("attempts") java.util.Map<String, Integer> wrongCodes) {
        public RecoverySection {
            pendingTokens = pendingTokens == null ? List.of() : List.copyOf(pendingTokens);
            usedTokenIds = usedTokenIds == null ? List.of() : List.copyOf(usedTokenIds);
            wrongCodes = wrongCodes == null ? java.util.Map.of() : java.util.Map.copyOf(wrongCodes);
        }
    }

    /** A failed sign-in as the audit trail records it: which account (by reference), when, and whether it was locked. */
    public record FailedSignIn(String id, String userRef, Instant at, boolean lockedOut) {
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** First run: a new random database key, wrapped for the first administrator. */
    public DatabaseKey initialise(String username, char[] passphrase, Argon2Parameters params) {
        if (exists()) {
            throw new IllegalStateException("keyring already exists: " + file);
        }
        byte[] installSalt = randomBytes(16);
        DatabaseKey key = DatabaseKey.generate(random);
        byte[] raw = key.bytes();
        try {
            String keyId = HexFormat.of().formatHex(sha256(raw)).substring(0, 16);
            Content c = new Content(FORMAT, b64(installSalt), keyId,
                    List.of(wrap(userRef(installSalt, username), raw, passphrase, params)), List.of(), null);
            save(c);
            return key;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Unwraps the database key for this user, applying lock-out with back-off on failures. */
    public DatabaseKey unlock(String username, char[] passphrase) {
        if (!exists()) {
            throw new SignInException(SignInException.Reason.NOT_INITIALISED, null);
        }
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        Optional<Entry> found = c.entries().stream().filter(e -> e.userRef().equals(ref)).findFirst();
        Instant now = clock.instant();
        if (found.isEmpty()) {
            // spend the same time as a real attempt so a username cannot be probed by timing
            Argon2Kdf.derive(passphrase, randomBytes(16), Argon2Parameters.DEFAULT);
            save(withFailure(c, ref, now, false));
            throw new SignInException(SignInException.Reason.WRONG_CREDENTIALS, null);
        }
        Entry e = found.get();
        if (e.lockedUntil() != null && Instant.parse(e.lockedUntil()).isAfter(now)) {
            save(withFailure(c, ref, now, true));
            throw new SignInException(SignInException.Reason.LOCKED_OUT, Instant.parse(e.lockedUntil()));
        }
        Optional<byte[]> raw = unwrap(e, passphrase);
        if (raw.isEmpty()) {
            int failed = e.failedAttempts() + 1;
            Instant until = lockoutAfter(failed, now);
            save(withFailure(replaced(c, e, e.withFailures(failed, until)), ref, now, until != null));
            throw until == null
                    ? new SignInException(SignInException.Reason.WRONG_CREDENTIALS, null)
                    : new SignInException(SignInException.Reason.LOCKED_OUT, until);
        }
        if (e.failedAttempts() > 0 || e.lockedUntil() != null) {
            replace(c, e, e.withFailures(0, null));
        }
        try {
            return new DatabaseKey(raw.get());
        } finally {
            Arrays.fill(raw.get(), (byte) 0);
        }
    }

    /** Lock-out after {@value #FREE_ATTEMPTS} failures: 30 s, doubling with each further failure, at most 1 h. */
    static Instant lockoutAfter(int failed, Instant now) {
        if (failed < FREE_ATTEMPTS) {
            return null;
        }
        int doublings = Math.min(failed - FREE_ATTEMPTS, 10);
        Duration d = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return now.plus(d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d);
    }

    /** Gives another local user access, by wrapping the (already unlocked) key with their passphrase. */
    public void addUser(DatabaseKey key, String username, char[] passphrase, Argon2Parameters params) {
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        if (c.entries().stream().anyMatch(e -> e.userRef().equals(ref))) {
            throw new IllegalArgumentException("user already has a key entry");
        }
        byte[] raw = key.bytes();
        try {
            List<Entry> entries = new ArrayList<>(c.entries());
            entries.add(wrap(ref, raw, passphrase, params));
            save(c.withEntries(entries));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Re-wraps the key under a new passphrase (or a new one chosen by an administrator). */
    public void setPassphrase(DatabaseKey key, String username, char[] newPassphrase, Argon2Parameters params) {
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        byte[] raw = key.bytes();
        try {
            List<Entry> entries = new ArrayList<>(c.entries().stream().filter(e -> !e.userRef().equals(ref)).toList());
            entries.add(wrap(ref, raw, newPassphrase, params));
            save(c.withEntries(entries));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public void removeUser(String username) {
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        save(c.withEntries(c.entries().stream().filter(e -> !e.userRef().equals(ref)).toList()));
    }

    public boolean hasUser(String username) {
        if (!exists()) {
            return false;
        }
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        return c.entries().stream().anyMatch(e -> e.userRef().equals(ref));
    }

    private Entry wrap(String ref, byte[] rawKey, char[] passphrase, Argon2Parameters p) {
        byte[] salt = randomBytes(16);
        byte[] kek = Argon2Kdf.derive(passphrase, salt, p);
        try {
            byte[] nonce = randomBytes(12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(ref));
            byte[] ct = cipher.doFinal(rawKey);
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return new Entry(ref, b64(salt), p.memoryKiB(), p.iterations(), p.parallelism(), b64(out), 0, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private Optional<byte[]> unwrap(Entry e, char[] passphrase) {
        byte[] kek = Argon2Kdf.derive(passphrase, unb64(e.salt()), e.params());
        try {
            byte[] blob = unb64(e.wrapped());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, blob, 0, 12));
            cipher.updateAAD(aad(e.userRef()));
            return Optional.of(cipher.doFinal(blob, 12, blob.length - 12));
        } catch (AEADBadTagException wrongPassphrase) {
            return Optional.empty();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM unavailable", ex);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] aad(String ref) {
        return (FORMAT + "|" + ref).getBytes(StandardCharsets.UTF_8);
    }

    private void replace(Content c, Entry old, Entry updated) {
        save(replaced(c, old, updated));
    }

    private static Content replaced(Content c, Entry old, Entry updated) {
        return c.withEntries(c.entries().stream().map(e -> e == old ? updated : e).toList());
    }

    private Content withFailure(Content c, String ref, Instant at, boolean locked) {
        List<Failure> failures = new ArrayList<>(c.failures());
        failures.add(new Failure(java.util.UUID.randomUUID().toString(), ref, at.toString(), locked));
        while (failures.size() > MAX_KEPT_FAILURES) {
            failures.removeFirst();
        }
        return c.withFailures(failures);
    }

    // ---- failed sign-ins, for the audit trail ----------------------------------------------------

    /** Failed attempts since they were last written into the audit trail, oldest first. */
    public List<FailedSignIn> failedSignIns() {
        if (!exists()) {
            return List.of();
        }
        return load().failures().stream()
                .map(f -> new FailedSignIn(f.id(), f.userRef(), Instant.parse(f.at()), f.lockedOut())).toList();
    }

    /** Drops failed attempts once the audit trail holds them. */
    public void forgetFailedSignIns(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Content c = load();
        save(c.withFailures(c.failures().stream().filter(f -> !ids.contains(f.id())).toList()));
    }

    /** The reference under which this username's entries and failures are kept (a salted hash). */
    public String referenceOf(String username) {
        return userRef(unb64(load().installSalt()), username);
    }

    /** Whether the account is locked out right now (for the lock screen's message). */
    public Optional<Instant> lockedUntil(String username) {
        String ref = referenceOf(username);
        return load().entries().stream().filter(e -> e.userRef().equals(ref) && e.lockedUntil() != null)
                .map(e -> Instant.parse(e.lockedUntil())).filter(t -> t.isAfter(clock.instant())).findFirst();
    }

    // ---- account recovery -------------------------------------------------------------------------

    public Optional<RecoverySection> recovery() {
        return exists() ? Optional.ofNullable(load().recovery()) : Optional.empty();
    }

    /** Replaces the recovery section as a whole (written by {@code access.recovery}). */
    public void saveRecovery(RecoverySection section) {
        save(load().withRecovery(section));
    }

    private Content load() {
        try {
            Content c = json.readValue(file.toFile(), Content.class);
            if (!FORMAT.equals(c.format())) {
                throw new DatabaseException(UserMessage.of("keyring.error.format", String.valueOf(c.format())), null);
            }
            return c;
        } catch (IOException e) {
            throw new DatabaseException(UserMessage.of("keyring.error.unreadable", file.toString()), e);
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a keyring. */
    private void save(Content c) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(c));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DatabaseException(UserMessage.of("keyring.error.write", file.getParent().toString()), e);
        }
    }

    private static String userRef(byte[] installSalt, String username) {
        MessageDigest md = sha256();
        md.update(installSalt);
        md.update(username.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return b64(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
