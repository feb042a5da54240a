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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.HKDFParameterSpec;
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
                 @JsonProperty("failed") int failedAttempts, @JsonProperty("lockedUntil") String lockedUntil,
                 @JsonProperty("public") String publicKey, @JsonProperty("private") String wrappedPrivateKey) {
        Argon2Parameters params() {
            return new Argon2Parameters(memoryKiB, iterations, parallelism);
        }

        Entry withFailures(int failed, Instant until) {
            return new Entry(userRef, salt, memoryKiB, iterations, parallelism, wrapped, failed,
                    until == null ? null : until.toString(), publicKey, wrappedPrivateKey);
        }

        Entry withKeyPair(String pub, String priv) {
            return new Entry(userRef, salt, memoryKiB, iterations, parallelism, wrapped, failedAttempts, lockedUntil,
                    pub, priv);
        }
    }

    /**
     * The medical key (docs/decisions/0009): its id, and the key sealed for each medical user to
     * the X25519 public key of their entry (ephemeral key agreement, HKDF, AES-256-GCM).
     */
    record MedicalSection(@JsonProperty("keyId") String keyId, @JsonProperty("grants") List<MedicalGrant> grants) {
        MedicalSection {
            grants = grants == null ? List.of() : List.copyOf(grants);
        }
    }

    record MedicalGrant(@JsonProperty("user") String userRef, @JsonProperty("ephemeral") String ephemeral,
                        @JsonProperty("sealed") String sealed) {
    }

    /** What a sign-in unwraps: the database key, and the medical key if this user was given it. */
    public record Unlocked(DatabaseKey key, Optional<MedicalKey> medicalKey) {
    }

    /** A failed attempt, kept until it is written into the audit trail at the next sign-in. */
    record Failure(@JsonProperty("id") String id, @JsonProperty("user") String userRef, @JsonProperty("at") String at,
                   @JsonProperty("locked") boolean lockedOut) {
    }

    record Content(@JsonProperty("format") String format, @JsonProperty("installSalt") String installSalt,
                   @JsonProperty("keyId") String keyId, @JsonProperty("entries") List<Entry> entries,
                   @JsonProperty("failures") List<Failure> failures,
                   @JsonProperty("recovery") RecoverySection recovery,
                   @JsonProperty("medical") MedicalSection medical) {
        Content {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        Content withEntries(List<Entry> e) {
            return new Content(format, installSalt, keyId, e, failures, recovery, medical);
        }

        Content withFailures(List<Failure> f) {
            return new Content(format, installSalt, keyId, entries, f, recovery, medical);
        }

        Content withRecovery(RecoverySection r) {
            return new Content(format, installSalt, keyId, entries, failures, r, medical);
        }

        Content withMedical(MedicalSection m) {
            return new Content(format, installSalt, keyId, entries, failures, recovery, m);
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
                    List.of(wrap(userRef(installSalt, username), raw, passphrase, params)), List.of(), null, null);
            save(c);
            return key;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Unwraps the database key for this user, applying lock-out with back-off on failures. */
    public DatabaseKey unlock(String username, char[] passphrase) {
        Unlocked u = unlockAll(username, passphrase);
        u.medicalKey().ifPresent(MedicalKey::close);
        return u.key();
    }

    /**
     * Unwraps the database key for this user and, if they were given it, the medical key, with
     * lock-out and back-off on failures. An entry written before medical keys existed gets its key
     * pair now (only the passphrase can seal its private half).
     */
    public Unlocked unlockAll(String username, char[] passphrase) {
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
        byte[] kek = Argon2Kdf.derive(passphrase, unb64(e.salt()), e.params());
        Optional<byte[]> raw;
        try {
            raw = unwrap(e, kek);
        } catch (RuntimeException ex) {
            Arrays.fill(kek, (byte) 0);
            throw ex;
        }
        if (raw.isEmpty()) {
            Arrays.fill(kek, (byte) 0);
            int failed = e.failedAttempts() + 1;
            Instant until = lockoutAfter(failed, now);
            save(withFailure(replaced(c, e, e.withFailures(failed, until)), ref, now, until != null));
            throw until == null
                    ? new SignInException(SignInException.Reason.WRONG_CREDENTIALS, null)
                    : new SignInException(SignInException.Reason.LOCKED_OUT, until);
        }
        try {
            Entry current = e;
            if (e.failedAttempts() > 0 || e.lockedUntil() != null) {
                current = e.withFailures(0, null);
                c = replaced(c, e, current);
            }
            if (current.publicKey() == null || current.wrappedPrivateKey() == null) {
                Entry withPair = withNewKeyPair(current, kek);
                c = replaced(c, current, withPair);
                current = withPair;
            }
            if (current != e) {
                save(c);
            }
            Optional<MedicalKey> medical = openMedicalGrant(c, current, kek);
            return new Unlocked(new DatabaseKey(raw.get()), medical);
        } finally {
            Arrays.fill(raw.get(), (byte) 0);
            Arrays.fill(kek, (byte) 0);
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
            // the entry has a new key pair: a medical key sealed to the old one must be granted again
            save(withoutGrant(c, ref).withEntries(entries));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public void removeUser(String username) {
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        save(withoutGrant(c, ref).withEntries(c.entries().stream().filter(e -> !e.userRef().equals(ref)).toList()));
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
            Entry entry = new Entry(ref, b64(salt), p.memoryKiB(), p.iterations(), p.parallelism(), b64(out), 0, null,
                    null, null);
            return withNewKeyPair(entry, kek);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private Optional<byte[]> unwrap(Entry e, byte[] kek) {
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
        }
    }

    // ---- the medical key (docs/decisions/0009) ---------------------------------------------------

    /** Whether a medical key was ever created on this laptop. */
    public boolean hasMedicalKey() {
        return exists() && load().medical() != null;
    }

    /** Creates the medical key; it is sealed for nobody until {@link #grantMedical} gives it to someone. */
    public MedicalKey createMedicalKey() {
        Content c = load();
        if (c.medical() != null) {
            throw new IllegalStateException("a medical key already exists");
        }
        byte[] raw = randomBytes(MedicalKey.LENGTH);
        try {
            String id = "med-" + HexFormat.of().formatHex(sha256(raw)).substring(0, 16);
            save(c.withMedical(new MedicalSection(id, List.of())));
            return new MedicalKey(id, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Seals the medical key for a user, to the public key of their entry: they open it at their
     * next sign-in with their passphrase. False when the user has no entry (yet) on this laptop.
     */
    public boolean grantMedical(MedicalKey key, String username) {
        Content c = load();
        if (c.medical() == null || !c.medical().keyId().equals(key.id())) {
            throw new IllegalStateException("not this laptop's medical key");
        }
        String ref = userRef(unb64(c.installSalt()), username);
        Optional<Entry> entry = c.entries().stream().filter(e -> e.userRef().equals(ref) && e.publicKey() != null).findFirst();
        if (entry.isEmpty()) {
            return false;
        }
        KeyPair ephemeral = generateX25519();
        byte[] raw = key.bytes();
        byte[] shared = agree(ephemeral.getPrivate(), publicKey(unb64(entry.get().publicKey())));
        byte[] k = hkdf(shared, medicalInfo(ref, key.id(), ephemeral.getPublic().getEncoded()));
        try {
            byte[] sealed = aesSeal(k, raw, medicalInfo(ref, key.id(), ephemeral.getPublic().getEncoded()));
            List<MedicalGrant> grants = new ArrayList<>(c.medical().grants().stream()
                    .filter(g -> !g.userRef().equals(ref)).toList());
            grants.add(new MedicalGrant(ref, b64(ephemeral.getPublic().getEncoded()), b64(sealed)));
            save(c.withMedical(new MedicalSection(c.medical().keyId(), grants)));
            return true;
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Whether this user holds a sealed copy of the medical key. */
    public boolean hasMedicalGrant(String username) {
        if (!exists()) {
            return false;
        }
        Content c = load();
        String ref = userRef(unb64(c.installSalt()), username);
        return c.medical() != null && c.medical().grants().stream().anyMatch(g -> g.userRef().equals(ref));
    }

    /** Takes the medical key away from a user (their role no longer needs it). */
    public void revokeMedical(String username) {
        Content c = load();
        if (c.medical() == null) {
            return;
        }
        String ref = userRef(unb64(c.installSalt()), username);
        save(withoutGrant(c, ref));
    }

    private static Content withoutGrant(Content c, String ref) {
        if (c.medical() == null) {
            return c;
        }
        return c.withMedical(new MedicalSection(c.medical().keyId(),
                c.medical().grants().stream().filter(g -> !g.userRef().equals(ref)).toList()));
    }

    private Optional<MedicalKey> openMedicalGrant(Content c, Entry e, byte[] kek) {
        if (c.medical() == null) {
            return Optional.empty();
        }
        Optional<MedicalGrant> grant = c.medical().grants().stream().filter(g -> g.userRef().equals(e.userRef())).findFirst();
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> pkcs8 = aesOpen(kek, unb64(e.wrappedPrivateKey()), keyPairAad(e.userRef()));
        if (pkcs8.isEmpty()) {
            return Optional.empty();
        }
        byte[] ephemeral = unb64(grant.get().ephemeral());
        byte[] shared = agree(privateKey(pkcs8.get()), publicKey(ephemeral));
        byte[] info = medicalInfo(e.userRef(), c.medical().keyId(), ephemeral);
        byte[] k = hkdf(shared, info);
        try {
            Optional<byte[]> raw = aesOpen(k, unb64(grant.get().sealed()), info);
            return raw.map(r -> {
                try {
                    return new MedicalKey(c.medical().keyId(), r);
                } finally {
                    Arrays.fill(r, (byte) 0);
                }
            });
        } finally {
            Arrays.fill(pkcs8.get(), (byte) 0);
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(k, (byte) 0);
        }
    }

    /** A fresh X25519 key pair for an entry, its private half sealed under the entry's passphrase key. */
    private Entry withNewKeyPair(Entry e, byte[] kek) {
        KeyPair pair = generateX25519();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            return e.withKeyPair(b64(pair.getPublic().getEncoded()), b64(aesSeal(kek, pkcs8, keyPairAad(e.userRef()))));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] keyPairAad(String ref) {
        return (FORMAT + "|x25519|" + ref).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] medicalInfo(String ref, String keyId, byte[] ephemeral) {
        return (MedicalKey.FORMAT + "|grant|" + ref + "|" + keyId + "|" + b64(ephemeral)).getBytes(StandardCharsets.UTF_8);
    }

    private KeyPair generateX25519() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an X25519 public key", e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an X25519 private key", e);
        }
    }

    private static byte[] agree(PrivateKey mine, PublicKey theirs) {
        try {
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(mine);
            ka.doPhase(theirs, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    private static byte[] hkdf(byte[] ikm, byte[] info) {
        try {
            KDF kdf = KDF.getInstance("HKDF-SHA256");
            return kdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(new SecretKeySpec(ikm, "HKDF"))
                    .thenExpand(info, 32)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 unavailable", e);
        }
    }

    private byte[] aesSeal(byte[] key, byte[] plaintext, byte[] aad) {
        return AesGcm.seal(key, plaintext, aad, random);
    }

    private static Optional<byte[]> aesOpen(byte[] key, byte[] sealed, byte[] aad) {
        return AesGcm.open(key, sealed, aad);
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
