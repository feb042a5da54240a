package org.itinera.sync.pkg;

import java.nio.file.Path;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/**
 * What {@link PackageReader#read} concluded about one file. Hostile input never throws: it is
 * {@link Rejected} or {@link Quarantined}. Only a {@link VerifiedPackage} may be acted on.
 */
public sealed interface ReadOutcome permits VerifiedPackage, ReadOutcome.Quarantined, ReadOutcome.Rejected {

    /** The file name as received. */
    String fileName();

    /** SHA-256 (hex) of the received file's bytes. */
    String fileSha256();

    /** The sentence to show for this outcome. */
    UserMessage message();

    /**
     * Set aside for an administrator; the file was moved to {@code keptAt}. The claimed sender is
     * what the unverified manifest says (shown to help enrol a device), empty if unreadable.
     */
    record Quarantined(String fileName, String fileSha256, QuarantineReason reason, Path keptAt,
                       Optional<String> signerKeyId, Optional<Manifest.Sender> claimedSender) implements ReadOutcome {
        @Override
        public UserMessage message() {
            return reason.message();
        }
    }

    /** Refused; nothing of it was used and nothing is kept. {@code detail} is for logs (no personal data). */
    record Rejected(String fileName, String fileSha256, RejectReason reason, String detail) implements ReadOutcome {
        @Override
        public UserMessage message() {
            return reason.message();
        }
    }
}
