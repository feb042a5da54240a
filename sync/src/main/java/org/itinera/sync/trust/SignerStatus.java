package org.itinera.sync.trust;

/** What the current trust says about the key that signed a package. */
public sealed interface SignerStatus {
    /** Listed and not revoked (directly, or through a rotation statement signed by a listed key). */
    record Trusted(TrustBundle.NodeKey key, boolean viaRotation) implements SignerStatus {
    }

    record Revoked(String keyId) implements SignerStatus {
    }

    record Unknown(String keyId) implements SignerStatus {
    }
}
