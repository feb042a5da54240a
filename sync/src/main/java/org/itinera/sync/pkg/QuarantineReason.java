package org.itinera.sync.pkg;

import org.itinera.core.i18n.UserMessage;

/**
 * Why a well-formed package was set aside for an administrator instead of applied: the file is
 * kept, nothing of it is used.
 */
public enum QuarantineReason {
    /** No manifest signature. */
    UNSIGNED("syncformat.quarantined.unsigned"),
    /** Signed by a key the current trust bundle does not list (or there is no trust bundle yet). */
    UNKNOWN_SIGNER("syncformat.quarantined.unknownSigner"),
    /** Signed by a key the current trust bundle revokes. */
    REVOKED_SIGNER("syncformat.quarantined.revokedSigner");

    private final String messageKey;

    QuarantineReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public UserMessage message() {
        return UserMessage.of(messageKey);
    }
}
