package org.itinera.sync.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;

/**
 * The next trust bundle, edited on the offline root machine ({@code draft.json} beside the root
 * key): enrol devices and hubs, revoke keys, then sign. Signing raises the serial by one and
 * writes {@code trust-bundle-<serial>.json} and its {@code .minisig}.
 */
public final class BundleDraft {
    public static final String FILE = "draft.json";
    private final Path dir;
    private final Clock clock;

    public BundleDraft(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** A first, empty draft (serial 0, nothing signed yet) for a new root, with an escrow recipient if given. */
    public void start(VerifyKey root, Optional<AgeRecipient> escrow) {
        save(new TrustBundle(TrustBundle.FORMAT, 0, clock.instant().toString(), root.keyIdHex(),
                escrow.map(e -> List.of(e.value())).orElse(List.of()), List.of(), List.of()));
    }

    public TrustBundle load() {
        try {
            return TrustBundle.parse(Files.readAllBytes(dir.resolve(FILE)))
                    .orElseThrow(() -> new SyncException(UserMessage.of("syncformat.trust.badDraft", dir.toString()), null));
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.badDraft", dir.toString()), e);
        }
    }

    /**
     * Enrols the device or hub of {@code card} once its keys hash to {@code typed}, the fingerprint
     * read from the device's own screen. Returns the enrolled key.
     */
    public TrustBundle.NodeKey enrol(DeviceCard card, Fingerprint typed) {
        if (!card.fingerprint().equals(typed.value())) {
            throw new SyncException(UserMessage.of("syncformat.trust.fingerprintMismatch", typed.value(),
                    card.fingerprint()), null);
        }
        TrustBundle d = load();
        if (d.isRevoked(card.keyId())) {
            throw new SyncException(UserMessage.of("syncformat.trust.keyRevoked", card.fingerprint()), null);
        }
        List<TrustBundle.NodeKey> nodes = new ArrayList<>(d.nodes().stream()
                .filter(n -> !n.keyId().equals(card.keyId())).toList());
        nodes.add(card.asNodeKey());
        save(new TrustBundle(d.format(), d.serial(), d.issuedAt(), d.rootKeyId(), d.escrow(), nodes, d.revoked()));
        return card.asNodeKey();
    }

    /** Revokes the key with this fingerprint: it leaves the enrolled list and joins the revocation list. */
    public TrustBundle.NodeKey revoke(Fingerprint fingerprint, String reason) {
        TrustBundle d = load();
        TrustBundle.NodeKey key = d.nodes().stream().filter(n -> n.fingerprint().equals(fingerprint.value())).findFirst()
                .orElseThrow(() -> new SyncException(UserMessage.of("syncformat.trust.unknownFingerprint",
                        fingerprint.value()), null));
        List<TrustBundle.NodeKey> nodes = d.nodes().stream().filter(n -> n != key).toList();
        List<TrustBundle.Revocation> revoked = new ArrayList<>(d.revoked());
        revoked.add(new TrustBundle.Revocation(key.keyId(), key.fingerprint(), key.nodeId(), clock.instant().toString(),
                reason == null || reason.isBlank() ? null : reason.strip()));
        save(new TrustBundle(d.format(), d.serial(), d.issuedAt(), d.rootKeyId(), d.escrow(), nodes, revoked));
        return key;
    }

    /** Signs the draft as the next serial with the unlocked root key; returns the bundle file written. */
    public Path sign(SigningKey root, Path outDir) {
        TrustBundle d = load();
        if (!d.rootKeyId().equals(root.publicKey().keyIdHex())) {
            throw new SyncException(UserMessage.of("syncformat.trust.badDraft", dir.toString()), null);
        }
        TrustBundle next = new TrustBundle(d.format(), d.serial() + 1, clock.instant().toString(), d.rootKeyId(),
                d.escrow(), d.nodes(), d.revoked());
        SignedDocument doc = SignedDocument.sign(root, next.toJson(), TrustBundle.FORMAT + " serial " + next.serial());
        Path out = outDir.resolve("trust-bundle-" + next.serial() + ".json");
        try {
            Files.createDirectories(outDir);
            Files.write(out, doc.json());
            Files.writeString(out.resolveSibling(out.getFileName() + ".minisig"), doc.minisig(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.cannotWrite", outDir.toString()), e);
        }
        save(next);
        return out;
    }

    /** Reads a bundle file and its {@code .minisig} beside it. */
    public static SignedDocument readBundleFile(Path file) {
        try {
            byte[] json = Files.readAllBytes(file);
            String sig = Files.readString(file.resolveSibling(file.getFileName() + ".minisig"), StandardCharsets.UTF_8);
            if (json.length > TrustBundle.MAX_BYTES) {
                throw new SyncException(UserMessage.of("syncformat.trust.badBundle"), null);
            }
            return new SignedDocument(json, sig);
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.cannotRead", file.toString()), e);
        }
    }

    private void save(TrustBundle draft) {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.write(tmp, draft.toJson());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SyncException(UserMessage.of("syncformat.trust.cannotWrite", dir.toString()), e);
        }
    }
}
