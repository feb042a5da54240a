package org.itinera.sync.pkg;

import java.nio.file.Path;

/**
 * A finished package file. {@code manifestSha256} is what the next package of the same (from, to)
 * sequence puts in {@code prev_pkg_sha256}; {@code fileSha256} identifies the file as sent.
 */
public record WrittenPackage(Path file, Manifest manifest, String manifestSha256, String fileSha256, long fileBytes) {
}
