package org.itinera.sync.pkg;

/**
 * What is known when a package is opened: who sends it to whom, its place in the (from, to)
 * sequence and the sender's clock. The rest of the manifest ({@link PackageSummary}) is known only
 * once every change has been written.
 */
public record PackageStart(String packageId, Manifest.Sender from, String to, long pkgSeq, String prevPkgSha256,
                           int schemaVersion, long createdAt) {
    public PackageStart {
        if (!Manifest.isUuidV7(packageId) || !Manifest.UUID.matcher(from.node()).matches()
                || !Manifest.UUID.matcher(to).matches() || pkgSeq < 1 || !Manifest.SHA256.matcher(prevPkgSha256).matches()
                || schemaVersion < 1 || createdAt < 0 || from.incarnation() < 1) {
            throw new IllegalArgumentException("invalid package start");
        }
    }

    /** {@code <from-node>_<to-node>_<seq>_<package-id>.itp}: sorts by sender, destination and sequence. */
    public String fileName() {
        return from.node() + "_" + to + "_" + pkgSeq + "_" + packageId + ".itp";
    }
}
