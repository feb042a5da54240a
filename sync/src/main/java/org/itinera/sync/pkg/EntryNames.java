package org.itinera.sync.pkg;

import java.util.Set;
import java.util.regex.Pattern;

/** The only entry names a package may contain (the whitelist of docs/sync-format.md). */
public final class EntryNames {
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIG = "manifest.json.minisig";
    public static final String CHANGES = "changes.ndjson";
    public static final String TRUST_BUNDLE = "trust/bundle.json";
    public static final String TRUST_BUNDLE_SIG = "trust/bundle.json.minisig";
    public static final String ROTATION = "trust/rotation.json";
    public static final String ROTATION_SIG = "trust/rotation.json.minisig";
    public static final String RECOVERY_ESCROW = "recovery/escrow.json";
    public static final String RECOVERY_TOKENS = "recovery/tokens.ndjson";
    public static final String RECOVERY_RECEIPT = "recovery/escrow-receipt.json";
    public static final String ATTACHMENT_PREFIX = "att/";
    private static final Pattern ATTACHMENT = Pattern.compile("att/[0-9a-f]{64}");
    private static final Set<String> FIXED = Set.of(MANIFEST, MANIFEST_SIG, CHANGES, TRUST_BUNDLE, TRUST_BUNDLE_SIG,
            ROTATION, ROTATION_SIG, RECOVERY_ESCROW, RECOVERY_TOKENS, RECOVERY_RECEIPT);

    private EntryNames() {
    }

    public static boolean isAllowed(String name) {
        return FIXED.contains(name) || ATTACHMENT.matcher(name).matches();
    }

    /** Entries the manifest lists (all but the manifest and its own signature). */
    public static boolean isListable(String name) {
        return isAllowed(name) && !name.equals(MANIFEST) && !name.equals(MANIFEST_SIG);
    }

    public static String attachment(String sha256) {
        return ATTACHMENT_PREFIX + sha256;
    }

    public static boolean isAttachment(String name) {
        return ATTACHMENT.matcher(name).matches();
    }
}
