package org.itinera.sync.pkg;

import java.util.List;
import java.util.Optional;

/**
 * The account-recovery entries a package may carry (docs/decisions/0008, docs/sync-format.md §8):
 * {@code recovery/escrow.json} (laptop → its enrolled hub: the laptop's recovery secret sealed to the
 * hub), {@code recovery/tokens.ndjson} (hub → laptop: signed reset tokens, one per line) and
 * {@code recovery/escrow-receipt.json} (hub → laptop: which escrow the hub holds). Each is optional;
 * the package reader checks their shape and sizes strictly before anything reads them.
 */
public record RecoveryEntries(Optional<byte[]> escrow, List<byte[]> tokens, Optional<byte[]> receipt) {
    /** Format of {@code recovery/escrow-receipt.json}. */
    public static final String RECEIPT_FORMAT = "itinera-recovery-receipt/1";
    public static final RecoveryEntries NONE = new RecoveryEntries(Optional.empty(), List.of(), Optional.empty());
    /** Largest escrow.json and escrow-receipt.json accepted (real ones are about 300 bytes). */
    public static final int MAX_DOCUMENT_BYTES = 4096;
    /** Most tokens in one package, and longest line (a token is about 1 KiB). */
    public static final int MAX_TOKENS = 32;
    public static final int MAX_TOKEN_BYTES = 16 * 1024;

    public RecoveryEntries {
        tokens = List.copyOf(tokens);
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("more than " + MAX_TOKENS + " reset tokens in one package");
        }
    }

    public boolean isEmpty() {
        return escrow.isEmpty() && tokens.isEmpty() && receipt.isEmpty();
    }
}
