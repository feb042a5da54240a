package org.itinera.sync.trust;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.store.Store;
import org.itinera.core.store.WriteTx;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.VerifyKey;

/**
 * What this node trusts. The organisation's root public key is pinned once, by an administrator who
 * types the root fingerprint printed on the offline machine (so a swapped file on a USB stick is
 * caught); after that only bundles signed by that root with a higher serial are accepted, whether
 * imported from a file or arriving inside a package.
 */
public final class TrustService {
    private final Store store;
    private final AccessPolicy access;
    private final TrustRepository repository;
    private final Clock clock;

    public TrustService(Store store, AccessPolicy access, TrustRepository repository, Clock clock) {
        this.store = store;
        this.access = access;
        this.repository = repository;
        this.clock = clock;
    }

    /** Pins the root key given as a minisign public-key file, after checking the typed fingerprint. */
    public Fingerprint pinRoot(Actor actor, String publicKeyFile, Fingerprint typed) {
        access.require(actor, Permission.TRUST_ADMIN);
        VerifyKey root = VerifyKey.fromMinisignFile(publicKeyFile)
                .orElseThrow(() -> new SyncException(UserMessage.of("syncformat.trust.notARootKey"), null));
        Fingerprint actual = Fingerprint.ofRoot(root);
        if (!actual.equals(typed)) {
            throw new SyncException(UserMessage.of("syncformat.trust.fingerprintMismatch", typed.value(), actual.value()),
                    null);
        }
        Optional<VerifyKey> pinned = pinnedRoot();
        if (pinned.isPresent()) {
            if (pinned.get().equals(root)) {
                return actual;
            }
            throw new SyncException(UserMessage.of("syncformat.trust.otherRootPinned",
                    Fingerprint.ofRoot(pinned.get()).value()), null);
        }
        store.write(actor, AuditEvent.ok("TRUST_ROOT_PINNED", "trust", actual.value()), tx -> {
            repository.putSetting(tx, TrustRepository.ROOT_KEY, root.minisignBase64());
            return null;
        });
        return actual;
    }

    public Optional<VerifyKey> pinnedRoot() {
        return store.read(dsl -> repository.setting(dsl, TrustRepository.ROOT_KEY))
                .flatMap(VerifyKey::fromMinisignBase64);
    }

    /** Loads a bundle file (e.g. at installation); it must be signed by the pinned root and newer. */
    public TrustBundle importBundle(Actor actor, SignedDocument doc) {
        access.require(actor, Permission.TRUST_ADMIN);
        TrustSnapshot now = snapshot();
        if (now.root().isEmpty()) {
            throw new SyncException(UserMessage.of("syncformat.trust.noRootPinned"), null);
        }
        TrustBundle bundle = TrustBundle.open(doc, now.root().get())
                .orElseThrow(() -> new SyncException(UserMessage.of("syncformat.trust.badBundle"), null));
        if (bundle.serial() <= now.serial()) {
            throw new SyncException(UserMessage.of("syncformat.trust.bundleNotNewer", bundle.serial(), now.serial()), null);
        }
        return store.write(actor, AuditEvent.ok("TRUST_BUNDLE_ACCEPTED", "trust", Long.toString(bundle.serial())), tx -> {
            repository.insertBundle(tx, bundle.serial(), clock.instant().toString(), doc.jsonText(), doc.minisig());
            return bundle;
        });
    }

    /**
     * For the import service, inside its own transaction: keeps a bundle that arrived in a verified
     * package, if the pinned root signed it and it is newer than the stored one. Returns whether it
     * was kept.
     */
    public boolean acceptFromPackage(WriteTx tx, SignedDocument doc) {
        Optional<VerifyKey> root = repository.setting(tx, TrustRepository.ROOT_KEY).flatMap(VerifyKey::fromMinisignBase64);
        long current = repository.newestBundle(tx).map(TrustRepository.StoredBundle::serial).orElse(-1L);
        Optional<TrustBundle> bundle = root.flatMap(r -> TrustBundle.open(doc, r)).filter(b -> b.serial() > current);
        bundle.ifPresent(b -> repository.insertBundle(tx, b.serial(), clock.instant().toString(), doc.jsonText(),
                doc.minisig()));
        return bundle.isPresent();
    }

    /** The pinned root and the newest accepted bundle (re-checked against the root when read). */
    public TrustSnapshot snapshot() {
        Optional<VerifyKey> root = pinnedRoot();
        Optional<TrustBundle> bundle = root.flatMap(r -> currentBundleDocument().flatMap(doc -> TrustBundle.open(doc, r)));
        return new TrustSnapshot(root, bundle);
    }

    /** The newest accepted bundle exactly as signed, to forward inside packages. */
    public Optional<SignedDocument> currentBundleDocument() {
        return store.read(dsl -> repository.newestBundle(dsl)
                .map(b -> new SignedDocument(b.content().getBytes(StandardCharsets.UTF_8), b.signature())));
    }
}
