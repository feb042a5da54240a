package org.itinera.sync.pkg;

import java.util.Map;
import java.util.Optional;
import org.itinera.sync.crypto.SignedDocument;

/**
 * The rest of the manifest, given when a package is finished: the sender's ack vector, the counter
 * ranges per origin the changes cover, the change lines per table (they must add up to the lines
 * appended), the sender's audit chain head, and optionally the newest trust bundle and a pending
 * key-rotation statement to carry along, and the account-recovery entries for this destination.
 */
public record PackageSummary(Map<String, Long> ack, Map<String, Manifest.CounterRange> covers, Map<String, Long> counts,
                             String auditChainHead, Optional<SignedDocument> trustBundle,
                             Optional<SignedDocument> keyRotation, RecoveryEntries recovery) {
    public PackageSummary {
        ack = Map.copyOf(ack);
        covers = Map.copyOf(covers);
        counts = Map.copyOf(counts);
        recovery = recovery == null ? RecoveryEntries.NONE : recovery;
    }

    /** A summary without recovery entries. */
    public PackageSummary(Map<String, Long> ack, Map<String, Manifest.CounterRange> covers, Map<String, Long> counts,
                          String auditChainHead, Optional<SignedDocument> trustBundle,
                          Optional<SignedDocument> keyRotation) {
        this(ack, covers, counts, auditChainHead, trustBundle, keyRotation, RecoveryEntries.NONE);
    }
}
