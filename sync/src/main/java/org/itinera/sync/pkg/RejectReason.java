package org.itinera.sync.pkg;

import org.itinera.core.i18n.UserMessage;

/**
 * Why a package was refused outright. Each has a plain-language sentence (bundle {@code syncformat},
 * key {@code syncformat.rejected.<name>}) saying what happened and what to do.
 */
public enum RejectReason {
    /** The file is not an age-encrypted file at all. */
    NOT_A_PACKAGE("syncformat.rejected.notAPackage"),
    /** None of this device's keys can open it: it was made for another node. */
    WRONG_RECIPIENT("syncformat.rejected.wrongRecipient"),
    /** The encryption's integrity check failed: changed on the way, or cut short. */
    DAMAGED("syncformat.rejected.damaged"),
    /** Larger than any package this version accepts. */
    TOO_LARGE("syncformat.rejected.tooLarge"),
    /** The decrypted content is not a ZIP this version writes (structure, flags, methods, layout). */
    MALFORMED_ZIP("syncformat.rejected.malformedZip"),
    /** An entry name outside the whitelist. */
    UNEXPECTED_ENTRY("syncformat.rejected.unexpectedEntry"),
    /** The same entry name twice. */
    DUPLICATE_ENTRY("syncformat.rejected.duplicateEntry"),
    /** Too many entries, or an entry or the whole too large once uncompressed, or compressed suspiciously well. */
    ZIP_BOMB("syncformat.rejected.zipBomb"),
    /** The signature does not match the manifest. */
    BAD_SIGNATURE("syncformat.rejected.badSignature"),
    /** The manifest or a trust document is not valid JSON of the expected shape, or hostile. */
    MALFORMED_MANIFEST("syncformat.rejected.malformedManifest"),
    /** Written in a newer format or schema: update the application first. */
    NEWER_VERSION("syncformat.rejected.newerVersion"),
    /** The signing key belongs to another node than the manifest claims. */
    SIGNER_MISMATCH("syncformat.rejected.signerMismatch"),
    /** Signed and readable, but addressed to another node. */
    NOT_FOR_THIS_NODE("syncformat.rejected.notForThisNode"),
    /** An entry is missing, unlisted, or differs from the size and hash the manifest signs. */
    CONTENT_MISMATCH("syncformat.rejected.contentMismatch"),
    /** A change line is too long or not UTF-8 text, or the counts do not add up. */
    MALFORMED_CHANGES("syncformat.rejected.malformedChanges"),
    /** An account-recovery entry is damaged, not the sender's, or a reset token is not signed by the sender. */
    MALFORMED_RECOVERY("syncformat.rejected.malformedRecovery");

    private final String messageKey;

    RejectReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public UserMessage message() {
        return UserMessage.of(messageKey);
    }
}
