package org.itinera.sync.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.keys.Argon2Kdf;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SecretSeal;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.crypto.VerifyKey;

/**
 * The organisation's root key on the offline administrator's machine: {@code root.key} holds the
 * Ed25519 seed, and the escrow age identity that can open every package, both sealed with
 * AES-256-GCM under an Argon2id key from a passphrase; {@code root.pub} is the public key in
 * minisign format (so {@code minisign -V -P} checks bundles too).
 */
public final class RootKeyFile {
    public static final String FORMAT = "itinera-root-key/1";
    public static final String SECRET_FILE = "root.key";
    public static final String PUBLIC_FILE = "root.pub";
    /** Stronger than sign-in: the root key is used rarely, on one machine. */
    public static final Argon2Parameters KDF = new Argon2Parameters(256 * 1024, 4, 4);
    private static final String AAD = "itinera root key";
    private static final String ESCROW_AAD = "itinera escrow identity";
    private static final ObjectMapper JSON = SyncJson.strict(64 * 1024, 4096);

    record Content(String format, String keyId, String publicKey, int m, int t, int p, String salt, String sealed,
                   String escrowRecipient, String escrowSealed) {
    }

    private RootKeyFile() {
    }

    /** Creates a new root key in {@code dir} (refuses to overwrite one); returns its public key. */
    public static VerifyKey create(Path dir, char[] passphrase, Argon2Parameters kdf, SecureRandom random) {
        Path secret = dir.resolve(SECRET_FILE);
        if (Files.exists(secret)) {
            throw new SyncException(UserMessage.of("syncformat.trust.rootExists", dir.toString()), null);
        }
        try (SigningKey key = SigningKey.generate(random); AgeIdentity escrow = AgeIdentity.generate()) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            byte[] kek = Argon2Kdf.derive(passphrase, salt, kdf);
            SecretSeal seal = new SecretSeal(kek, random);
            Arrays.fill(kek, (byte) 0);
            byte[] seed = key.seed();
            byte[] sealed = seal.seal(AAD, seed);
            Arrays.fill(seed, (byte) 0);
            byte[] escrowText = escrow.encoded();
            byte[] escrowSealed = seal.seal(ESCROW_AAD, escrowText);
            Arrays.fill(escrowText, (byte) 0);
            seal.destroy();
            Base64.Encoder b64 = Base64.getEncoder();
            VerifyKey pub = key.publicKey();
            Content c = new Content(FORMAT, pub.keyIdHex(), pub.minisignBase64(), kdf.memoryKiB(), kdf.iterations(),
                    kdf.parallelism(), b64.encodeToString(salt), b64.encodeToString(sealed), escrow.recipient().value(),
                    b64.encodeToString(escrowSealed));
            Files.createDirectories(dir);
            Files.write(secret, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(c));
            Files.writeString(dir.resolve(PUBLIC_FILE), pub.minisignFile(), StandardCharsets.US_ASCII);
            return pub;
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.cannotWrite", dir.toString()), e);
        }
    }

    /** Unlocks the root key; a wrong passphrase is a plain error. The caller destroys the key. */
    public static SigningKey unlock(Path dir, char[] passphrase) {
        Content c = content(dir);
        Optional<VerifyKey> pub = VerifyKey.fromMinisignBase64(c.publicKey());
        if (pub.isEmpty()) {
            throw new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), null);
        }
        Optional<byte[]> seed = openSealed(c, passphrase, AAD, c.sealed());
        try {
            SigningKey key = new SigningKey(seed.get(), pub.get().keyId());
            if (!key.publicKey().equals(pub.get())) {
                key.destroy();
                throw new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), null);
            }
            return key;
        } finally {
            Arrays.fill(seed.get(), (byte) 0);
        }
    }

    /** The escrow identity (for {@code age -d -i}); the caller destroys it. */
    public static AgeIdentity unlockEscrow(Path dir, char[] passphrase) {
        Content c = content(dir);
        byte[] text = openSealed(c, passphrase, ESCROW_AAD, c.escrowSealed()).orElseThrow();
        try {
            return AgeIdentity.of(text);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** The escrow recipient every bundle of this root lists. */
    public static AgeRecipient escrowRecipient(Path dir) {
        return new AgeRecipient(content(dir).escrowRecipient());
    }

    private static Content content(Path dir) {
        try {
            Content c = JSON.readValue(Files.readAllBytes(dir.resolve(SECRET_FILE)), Content.class);
            if (!FORMAT.equals(c.format())) {
                throw new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), null);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), e);
        }
    }

    private static Optional<byte[]> openSealed(Content c, char[] passphrase, String aad, String sealed) {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] kek = Argon2Kdf.derive(passphrase, b64.decode(c.salt()), new Argon2Parameters(c.m(), c.t(), c.p()));
        SecretSeal seal = new SecretSeal(kek, new SecureRandom());
        Arrays.fill(kek, (byte) 0);
        Optional<byte[]> plain = seal.open(aad, b64.decode(sealed));
        seal.destroy();
        if (plain.isEmpty()) {
            throw new SyncException(UserMessage.of("syncformat.trust.wrongRootPassphrase"), null);
        }
        return plain;
    }

    /** The public root key of {@code dir}. */
    public static VerifyKey publicKey(Path dir) {
        try {
            return VerifyKey.fromMinisignFile(Files.readString(dir.resolve(PUBLIC_FILE), StandardCharsets.US_ASCII))
                    .orElseThrow(() -> new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), null));
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.noRootKey", dir.toString()), e);
        }
    }

    public static Fingerprint fingerprint(VerifyKey root) {
        return Fingerprint.ofRoot(root);
    }
}
