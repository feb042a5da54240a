package org.itinera.sync.trust;

import java.util.Optional;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.VerifyKey;

/**
 * What this node trusts at one moment: the pinned root key (if any) and the newest accepted
 * bundle (if any). Immutable; the reader judges every package against one snapshot.
 */
public record TrustSnapshot(Optional<VerifyKey> root, Optional<TrustBundle> bundle) {

    public static TrustSnapshot empty() {
        return new TrustSnapshot(Optional.empty(), Optional.empty());
    }

    public long serial() {
        return bundle.map(TrustBundle::serial).orElse(-1L);
    }

    /** The bundle in {@code doc} if the pinned root signed it and it is newer than ours. */
    public Optional<TrustBundle> newerBundle(SignedDocument doc) {
        return root.flatMap(r -> TrustBundle.open(doc, r)).filter(b -> b.serial() > serial());
    }

    public TrustSnapshot with(TrustBundle newer) {
        return new TrustSnapshot(root, Optional.of(newer));
    }

    /** Status of a signing key id (minisign hex). Revocation wins over enrolment. */
    public SignerStatus statusOf(String keyIdHex) {
        if (bundle.isEmpty()) {
            return new SignerStatus.Unknown(keyIdHex);
        }
        TrustBundle b = bundle.get();
        if (b.isRevoked(keyIdHex)) {
            return new SignerStatus.Revoked(keyIdHex);
        }
        return b.nodeKey(keyIdHex).<SignerStatus>map(k -> new SignerStatus.Trusted(k, false))
                .orElse(new SignerStatus.Unknown(keyIdHex));
    }

    /**
     * Status of {@code keyIdHex} given a rotation statement: trusted when a listed, unrevoked key of
     * the same node signed a statement naming exactly this new key.
     */
    public SignerStatus statusOf(String keyIdHex, Optional<SignedDocument> rotation) {
        SignerStatus direct = statusOf(keyIdHex);
        if (!(direct instanceof SignerStatus.Unknown) || rotation.isEmpty()) {
            return direct;
        }
        Optional<Minisign.Signature> sig = rotation.get().signature();
        if (sig.isEmpty() || !(statusOf(sig.get().keyIdHex()) instanceof SignerStatus.Trusted old)) {
            return direct;
        }
        if (!rotation.get().signedBy(old.key().verifyKey())) {
            return direct;
        }
        return KeyRotation.parse(rotation.get().json())
                .filter(r -> r.nodeId().equals(old.key().nodeId()) && r.oldKeyId().equals(old.key().keyId())
                        && r.newKeyId().equals(keyIdHex))
                .<SignerStatus>map(r -> new SignerStatus.Trusted(new TrustBundle.NodeKey(old.key().nodeId(),
                        old.key().name(), old.key().kind(), r.newKeyId(), r.newSignKey(), r.newAgeRecipient(),
                        r.newFingerprint()), true))
                .orElse(direct);
    }
}
