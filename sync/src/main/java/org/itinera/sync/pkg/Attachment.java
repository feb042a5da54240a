package org.itinera.sync.pkg;

import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment a change line refers to, by the SHA-256 of its content. The content is read only
 * when the package is finished, and checked against the hash and size as it is copied.
 */
public record Attachment(String sha256, long size, Source source) {
    public Attachment {
        if (!Manifest.SHA256.matcher(sha256).matches() || size < 0) {
            throw new IllegalArgumentException("attachment needs a lower-case hex SHA-256 and a size");
        }
    }

    /** Opens the attachment's bytes (e.g. a blob read from the database). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
