package org.itinera.sync.pkg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a decrypted package lives while it is checked and applied: written once, front to back,
 * then read at any position. Person data never reaches the disk in clear: small packages stay in
 * memory, larger ones go to a {@link SealedScratchFile}.
 */
interface Scratch extends AutoCloseable {
    /** Sequential writing; close it before reading. */
    OutputStream output();

    long size();

    /** Reads up to {@code len} bytes at {@code position}; -1 at the end. */
    int read(long position, byte[] dst, int off, int len) throws IOException;

    @Override
    void close();
}
