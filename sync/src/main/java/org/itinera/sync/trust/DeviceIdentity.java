package org.itinera.sync.trust;

import java.util.List;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SigningKey;

/**
 * This device's private keys, unsealed for one export or import: the current signing key, and every
 * age identity it ever had (newest first), so packages addressed to a key that was rotated away
 * still open. Close it to wipe them.
 */
public record DeviceIdentity(String nodeId, String name, NodeKind kind, int incarnation, int generation,
                             SigningKey signingKey, List<AgeIdentity> ageIdentities, Fingerprint fingerprint)
        implements AutoCloseable {
    public DeviceIdentity {
        ageIdentities = List.copyOf(ageIdentities);
    }

    public DeviceCard card() {
        return DeviceCard.of(nodeId, name, kind, signingKey.publicKey(), ageIdentities.getFirst().recipient());
    }

    @Override
    public void close() {
        signingKey.destroy();
        ageIdentities.forEach(AgeIdentity::destroy);
    }
}
