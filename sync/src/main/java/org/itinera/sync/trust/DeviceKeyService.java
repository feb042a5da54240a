package org.itinera.sync.trust;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SecretSeal;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;

/**
 * This device's keys: an Ed25519 key that signs its packages and an age X25519 identity that opens
 * packages addressed to it, made on first run and kept in {@code device_secret}.
 * <p>
 * Why a second seal when the database pages are already encrypted: the rows are then useless to
 * anything that reads the database without going through this class (a future export or backup
 * tool, a support copy opened with the key, a diagnostic dump or a bug that logs a row), each value
 * is bound to its row name by the AEAD data, and the seal key is derived from the database key
 * for this purpose only (HKDF), so it changes with nothing else and is never stored.
 */
public final class DeviceKeyService {
    /** The HKDF purpose of the sealing key. */
    public static final String SEAL_PURPOSE = "itinera device_secret seal v1";
    static final String SIGN = "device.sign.";
    static final String AGE = "device.age.";

    private final Store store;
    private final AccessPolicy access;
    private final TrustRepository repository;
    private final SecretSeal seal;
    private final Clock clock;
    private final SecureRandom random;

    public DeviceKeyService(Store store, AccessPolicy access, TrustRepository repository, SecretSeal seal, Clock clock,
                            SecureRandom random) {
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.seal = seal;
        this.clock = clock;
        this.random = random;
    }

    /** Makes this device's first keys if it has none (first run); returns its fingerprint. */
    public Fingerprint ensureKeys() {
        Optional<Fingerprint> existing = fingerprint();
        if (existing.isPresent()) {
            return existing.get();
        }
        return store.write(Actor.system("device-keys"), AuditEvent.ok("DEVICE_KEYS_CREATED", "node", null), tx -> {
            if (!repository.secrets(tx, SIGN).isEmpty()) {
                return fingerprint().orElseThrow();
            }
            try (SigningKey key = SigningKey.generate(random); AgeIdentity age = AgeIdentity.generate()) {
                storeGeneration(tx, 1, key, age);
                return Fingerprint.ofDevice(key.publicKey(), age.recipient());
            }
        });
    }

    /** The current key's fingerprint, shown on this device's screen for comparison with the hub's. */
    public Optional<Fingerprint> fingerprint() {
        TrustRepository.DeviceSecrets secrets = store.read(dsl -> repository.deviceSecrets(dsl, SIGN, AGE));
        if (secrets.signing().isEmpty()) {
            return Optional.empty();
        }
        try (DeviceIdentity id = unseal(secrets)) {
            return Optional.of(id.fingerprint());
        }
    }

    /** The unsealed keys, for signing an export or decrypting an import. Close after use. */
    public DeviceIdentity identity() {
        ensureKeys();
        return unseal(store.read(dsl -> repository.deviceSecrets(dsl, SIGN, AGE)));
    }

    /** The public card to carry to the administrator for enrolment. */
    public DeviceCard card() {
        try (DeviceIdentity id = identity()) {
            return id.card();
        }
    }

    /**
     * Replaces the signing and age keys with new ones. The old key signs a statement naming the new
     * one, which travels in every package until a trust bundle lists the new key; old age
     * identities are kept so packages already addressed to them still open.
     */
    public Fingerprint rotate(Actor actor) {
        access.require(actor, Permission.TRUST_ADMIN);
        try (DeviceIdentity old = identity()) {
            return store.write(actor, AuditEvent.ok("DEVICE_KEYS_ROTATED", "node", old.nodeId()), tx -> {
                int generation = old.generation() + 1;
                try (SigningKey key = SigningKey.generate(random); AgeIdentity age = AgeIdentity.generate()) {
                    storeGeneration(tx, generation, key, age);
                    Fingerprint fp = Fingerprint.ofDevice(key.publicKey(), age.recipient());
                    KeyRotation rotation = new KeyRotation(KeyRotation.FORMAT, old.nodeId(),
                            old.signingKey().publicKey().keyIdHex(), key.publicKey().keyIdHex(),
                            key.publicKey().minisignBase64(), age.recipient().value(), fp.value(),
                            clock.instant().toString());
                    SignedDocument doc = SignedDocument.sign(old.signingKey(), rotation.toJson(),
                            KeyRotation.FORMAT + " " + old.nodeId());
                    repository.putSetting(tx, TrustRepository.ROTATION, doc.jsonText());
                    repository.putSetting(tx, TrustRepository.ROTATION_SIG, doc.minisig());
                    return fp;
                }
            });
        }
    }

    /**
     * The rotation statement to put into outgoing packages, until {@code trust} lists the current key
     * (then the hub knows it and the statement is no longer needed).
     */
    public Optional<SignedDocument> pendingRotation(TrustSnapshot trust) {
        Optional<String> json = store.read(dsl -> repository.setting(dsl, TrustRepository.ROTATION));
        Optional<String> sig = store.read(dsl -> repository.setting(dsl, TrustRepository.ROTATION_SIG));
        if (json.isEmpty() || sig.isEmpty()) {
            return Optional.empty();
        }
        SignedDocument doc = new SignedDocument(json.get().getBytes(StandardCharsets.UTF_8), sig.get());
        Optional<KeyRotation> r = KeyRotation.parse(doc.json());
        boolean known = r.isPresent() && trust.statusOf(r.get().newKeyId()) instanceof SignerStatus.Trusted;
        return known ? Optional.empty() : Optional.of(doc);
    }

    private void storeGeneration(org.itinera.core.store.WriteTx tx, int generation, SigningKey key, AgeIdentity age) {
        String now = clock.instant().toString();
        byte[] seed = key.seed();
        byte[] signPlain = ByteBuffer.allocate(40).put(seed).put(key.publicKey().keyId()).array();
        Arrays.fill(seed, (byte) 0);
        String signName = SIGN + generation;
        repository.insertSecret(tx, signName, now, seal.seal(signName, signPlain));
        Arrays.fill(signPlain, (byte) 0);
        byte[] agePlain = age.encoded();
        String ageName = AGE + generation;
        repository.insertSecret(tx, ageName, now, seal.seal(ageName, agePlain));
        Arrays.fill(agePlain, (byte) 0);
        repository.setSelfFingerprint(tx, Fingerprint.ofDevice(key.publicKey(), age.recipient()).value());
    }

    private DeviceIdentity unseal(TrustRepository.DeviceSecrets secrets) {
        TrustRepository.SelfNode self = secrets.self();
        List<TrustRepository.Secret> signs = new ArrayList<>(secrets.signing());
        List<TrustRepository.Secret> ages = new ArrayList<>(secrets.age());
        Comparator<TrustRepository.Secret> newestFirst = Comparator.comparingInt(
                (TrustRepository.Secret s) -> generationOf(s.name())).reversed();
        signs.sort(newestFirst);
        ages.sort(newestFirst);
        TrustRepository.Secret current = signs.getFirst();
        byte[] plain = open(current);
        SigningKey key = new SigningKey(Arrays.copyOfRange(plain, 0, 32), Arrays.copyOfRange(plain, 32, 40));
        Arrays.fill(plain, (byte) 0);
        List<AgeIdentity> identities = new ArrayList<>();
        for (TrustRepository.Secret s : ages) {
            byte[] text = open(s);
            identities.add(AgeIdentity.of(text));
            Arrays.fill(text, (byte) 0);
        }
        return new DeviceIdentity(self.nodeId(), self.name(), self.kind(), self.incarnation(),
                generationOf(current.name()), key, identities,
                Fingerprint.ofDevice(key.publicKey(), identities.getFirst().recipient()));
    }

    private byte[] open(TrustRepository.Secret s) {
        return seal.open(s.name(), s.value()).orElseThrow(() -> new IllegalStateException(
                "device secret " + s.name() + " does not open with this database's key"));
    }

    private static int generationOf(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }
}
