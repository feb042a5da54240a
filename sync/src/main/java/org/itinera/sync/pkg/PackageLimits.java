package org.itinera.sync.pkg;

/**
 * The caps that keep a hostile file from exhausting disk, memory or time, and the size at which
 * the writer starts a new package. The writer never produces what the reader with the same
 * limits would refuse.
 *
 * @param targetPackageBytes   the writer starts a new package above this (ZIP bytes, ≈ file size)
 * @param maxFileBytes         largest .itp file accepted
 * @param maxTotalBytes        largest sum of uncompressed entry sizes
 * @param maxEntryBytes        largest uncompressed entry
 * @param maxEntries           most entries in one ZIP
 * @param maxRatio             largest uncompressed : compressed ratio of an entry …
 * @param ratioFloorBytes      … checked for entries larger than this
 * @param maxManifestBytes     largest manifest.json (and trust documents)
 * @param maxLineBytes         longest change line
 * @param inMemoryBelowBytes   decrypted packages smaller than this stay in memory; larger ones go
 *                             to a scratch file sealed with a random key
 */
public record PackageLimits(long targetPackageBytes, long maxFileBytes, long maxTotalBytes, long maxEntryBytes,
                            int maxEntries, int maxRatio, long ratioFloorBytes, int maxManifestBytes, int maxLineBytes,
                            long inMemoryBelowBytes) {
    private static final long MIB = 1024L * 1024;
    public static final PackageLimits DEFAULT = new PackageLimits(32 * MIB, 512 * MIB, 1024 * MIB, 512 * MIB, 20_000,
            200, MIB, 4 * (int) MIB, 4 * (int) MIB, 48 * MIB);

    public PackageLimits {
        if (targetPackageBytes > maxFileBytes / 2 || maxEntryBytes > maxTotalBytes || maxLineBytes > maxEntryBytes
                || maxEntries < 8 || maxRatio < 2) {
            throw new IllegalArgumentException("inconsistent package limits");
        }
    }

    public PackageLimits withTargetPackageBytes(long bytes) {
        return new PackageLimits(bytes, maxFileBytes, maxTotalBytes, maxEntryBytes, maxEntries, maxRatio, ratioFloorBytes,
                maxManifestBytes, maxLineBytes, inMemoryBelowBytes);
    }

    public PackageLimits withInMemoryBelowBytes(long bytes) {
        return new PackageLimits(targetPackageBytes, maxFileBytes, maxTotalBytes, maxEntryBytes, maxEntries, maxRatio,
                ratioFloorBytes, maxManifestBytes, maxLineBytes, bytes);
    }
}
