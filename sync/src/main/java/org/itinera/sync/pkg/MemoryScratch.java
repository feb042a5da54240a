package org.itinera.sync.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A decrypted package held in memory, up to a cap; wiped on close. */
final class MemoryScratch implements Scratch {
    private final long cap;
    private final Buffer buffer = new Buffer();
    private byte[] bytes;

    MemoryScratch(long cap) {
        this.cap = cap;
    }

    /** Thrown by the output when the cap would be exceeded. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("decrypted package exceeds the in-memory cap");
        }
    }

    private final class Buffer extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > cap) {
                throw new java.io.UncheckedIOException(new TooLarge());
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() {
            bytes = buf;
        }

        int length() {
            return count;
        }
    }

    @Override
    public OutputStream output() {
        return buffer;
    }

    @Override
    public long size() {
        return buffer.length();
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) {
        byte[] b = bytes;
        int size = buffer.length();
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        System.arraycopy(b, (int) position, dst, off, n);
        return n;
    }

    @Override
    public void close() {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
        buffer.reset();
    }
}
