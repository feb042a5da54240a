package org.itinera.sync.pkg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A scratch file for a large decrypted package, encrypted with a random AES-256 key that exists
 * only in this object: 64 KiB chunks, each AES-GCM with its index as nonce. If the process dies,
 * what is left on disk is unreadable; the file is deleted on close (and stale ones are swept).
 */
final class SealedScratchFile implements Scratch {
    static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;

    private final Path file;
    private final FileChannel channel;
    private final byte[] key = new byte[32];
    private final Out out = new Out();
    private long size;
    private long cachedChunk = -1;
    private final byte[] cache = new byte[CHUNK];
    private int cacheLength;

    SealedScratchFile(Path dir, SecureRandom random) throws IOException {
        random.nextBytes(key);
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "pkg-", ".scratch");
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    private final class Out extends OutputStream {
        private final byte[] pending = new byte[CHUNK];
        private int filled;
        private long chunkIndex;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, pending, filled, n);
                filled += n;
                off += n;
                len -= n;
                size += n;
                if (filled == CHUNK) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, chunkIndex, pending, filled);
            ByteBuffer buf = ByteBuffer.wrap(sealed);
            long pos = chunkIndex * (CHUNK + TAG);
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            chunkIndex++;
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (filled > 0) {
                    flushChunk();
                }
                Arrays.fill(pending, (byte) 0);
            }
        }
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public synchronized int read(long position, byte[] dst, int off, int len) throws IOException {
        if (position >= size) {
            return -1;
        }
        long chunk = position / CHUNK;
        if (chunk != cachedChunk) {
            int plainLength = (int) Math.min(CHUNK, size - chunk * CHUNK);
            ByteBuffer buf = ByteBuffer.allocate(plainLength + TAG);
            long pos = chunk * (CHUNK + TAG);
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos + buf.position());
                if (r < 0) {
                    throw new IOException("scratch file shorter than written");
                }
            }
            byte[] plain = crypt(Cipher.DECRYPT_MODE, chunk, buf.array(), buf.capacity());
            System.arraycopy(plain, 0, cache, 0, plain.length);
            Arrays.fill(plain, (byte) 0);
            cacheLength = plain.length;
            cachedChunk = chunk;
        }
        int inChunk = (int) (position - chunk * CHUNK);
        int n = Math.min(len, cacheLength - inChunk);
        System.arraycopy(cache, inChunk, dst, off, n);
        return n;
    }

    private byte[] crypt(int mode, long index, byte[] data, int length) throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return c.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            // a failed tag means the file changed under us: treat as an I/O fault, never as data
            throw new IOException("scratch chunk " + index + " failed authentication", e);
        }
    }

    @Override
    public synchronized void close() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(cache, (byte) 0);
        try {
            out.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // swept at the next start
            }
        }
    }
}
