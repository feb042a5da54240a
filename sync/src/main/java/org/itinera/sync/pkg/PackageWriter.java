package org.itinera.sync.pkg;

import java.nio.file.Path;
import java.util.List;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.SigningKey;

/**
 * Writes sync packages: {@link #open} starts one, the caller streams change lines (and the
 * attachments they refer to) into it until it says it is full, then finishes it and opens the
 * next. Nothing is held in memory beyond one line; nothing reaches the disk unencrypted; a package
 * that could not be finished (full disk, error) leaves no file behind.
 */
public final class PackageWriter {
    private final PackageLimits limits;

    public PackageWriter(PackageLimits limits) {
        this.limits = limits;
    }

    public PackageLimits limits() {
        return limits;
    }

    /**
     * Starts a package in {@code outDir} (written as {@code <name>.part}, renamed when finished),
     * encrypted to {@code recipients} and signed by {@code signer} at the end.
     */
    public OutgoingPackage open(Path outDir, PackageStart start, List<AgeRecipient> recipients, SigningKey signer) {
        return new OutgoingPackage(limits, outDir, start, recipients, signer);
    }
}
