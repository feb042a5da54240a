package org.itinera.sync.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the ZIP inside a package without trusting it: the central directory is parsed and every
 * local header is checked against it (so ZipFile-style and ZipInputStream-style readers cannot see
 * different files), entries must tile the file exactly from offset 0 to the central directory (no
 * overlaps, gaps or hidden bytes), only methods STORED/DEFLATED and flags 3 and 11, no ZIP64, no
 * comments, no encryption. Caps on entry count, sizes and ratio apply to the declared sizes and
 * again to the bytes actually inflated. Nothing is ever extracted to a path.
 */
final class StrictZip {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int EXT_SIG = 0x08074b50;
    private static final int ALLOWED_FLAGS = (1 << 3) | (1 << 11);
    private static final int MAX_EXTRA = 1024;

    private final Scratch data;
    private final PackageLimits limits;
    private final Map<String, Entry> entries;

    /** One entry as the central directory describes it, checked against its local header. */
    record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long headerOffset,
                 long dataOffset) {
    }

    private StrictZip(Scratch data, PackageLimits limits, Map<String, Entry> entries) {
        this.data = data;
        this.limits = limits;
        this.entries = entries;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    static StrictZip open(Scratch data, PackageLimits limits) throws IOException {
        long fileSize = data.size();
        if (fileSize < 22) {
            throw bad("shorter than an end record");
        }
        ByteBuffer eocd = read(data, fileSize - 22, 22);
        if (eocd.getInt(0) != EOCD_SIG) {
            throw bad("no end record at the end (comments are not allowed)");
        }
        int disk = u16(eocd, 4);
        int cdDisk = u16(eocd, 6);
        int onDisk = u16(eocd, 8);
        int total = u16(eocd, 10);
        long cdSize = u32(eocd, 12);
        long cdOffset = u32(eocd, 16);
        int commentLength = u16(eocd, 20);
        if (disk != 0 || cdDisk != 0 || onDisk != total || commentLength != 0) {
            throw bad("multi-disk or commented archive");
        }
        if (total == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw bad("ZIP64 is not used by packages");
        }
        if (total > limits.maxEntries()) {
            throw new Refusal(RejectReason.ZIP_BOMB, "entries: " + total);
        }
        if (cdOffset + cdSize != fileSize - 22) {
            throw bad("central directory does not end at the end record");
        }
        if (cdSize > (long) total * (46 + 0xFFFF * 3L) || cdSize > limits.maxManifestBytes() * 4L) {
            throw bad("central directory too large");
        }
        ByteBuffer cd = read(data, cdOffset, (int) cdSize);
        Map<String, Entry> byName = new LinkedHashMap<>();
        List<Entry> list = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        long totalSize = 0;
        int pos = 0;
        for (int i = 0; i < total; i++) {
            if (pos + 46 > cdSize || cd.getInt(pos) != CEN_SIG) {
                throw bad("central directory entry " + i);
            }
            int flags = u16(cd, pos + 8);
            int method = u16(cd, pos + 10);
            long crc = u32(cd, pos + 16);
            long csize = u32(cd, pos + 20);
            long usize = u32(cd, pos + 24);
            int nameLength = u16(cd, pos + 28);
            int extraLength = u16(cd, pos + 30);
            int commentLen = u16(cd, pos + 32);
            int diskStart = u16(cd, pos + 34);
            long offset = u32(cd, pos + 42);
            if (pos + 46L + nameLength + extraLength + commentLen > cdSize) {
                throw bad("central directory entry " + i + " overruns");
            }
            byte[] nameBytes = new byte[nameLength];
            cd.get(pos + 46, nameBytes);
            String name = utf8(nameBytes);
            if (!EntryNames.isAllowed(name)) {
                throw new Refusal(RejectReason.UNEXPECTED_ENTRY, "entry name not allowed");
            }
            if (seen.put(name, Boolean.TRUE) != null) {
                throw new Refusal(RejectReason.DUPLICATE_ENTRY, name);
            }
            if ((flags & ~ALLOWED_FLAGS) != 0 || (method != 0 && method != 8) || commentLen != 0 || diskStart != 0
                    || extraLength > MAX_EXTRA) {
                throw bad("flags, method or fields of " + name);
            }
            checkExtra(cd, pos + 46 + nameLength, extraLength, name);
            if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL || offset == 0xFFFFFFFFL
                    || (method == 0 && csize != usize)) {
                throw bad("sizes of " + name);
            }
            if (usize > limits.maxEntryBytes()) {
                throw new Refusal(RejectReason.ZIP_BOMB, "entry size " + name);
            }
            if (usize > limits.ratioFloorBytes() && usize > csize * limits.maxRatio()) {
                throw new Refusal(RejectReason.ZIP_BOMB, "compression ratio " + name);
            }
            totalSize += usize;
            if (totalSize > limits.maxTotalBytes()) {
                throw new Refusal(RejectReason.ZIP_BOMB, "total size");
            }
            list.add(new Entry(name, method, flags, crc, csize, usize, offset, -1));
            pos += 46 + nameLength + extraLength + commentLen;
        }
        if (pos != cdSize) {
            throw bad("bytes after the last central directory entry");
        }
        // entries must tile [0, cdOffset) exactly, each local header agreeing with the directory
        list.sort(Comparator.comparingLong(Entry::headerOffset));
        long expected = 0;
        for (Entry e : list) {
            if (e.headerOffset() != expected) {
                throw bad("entries overlap or leave gaps");
            }
            Entry checked = checkLocal(data, e, cdOffset);
            byName.put(e.name(), checked);
            expected = checked.dataOffset() + e.compressedSize() + descriptorLength(data, checked, cdOffset);
        }
        if (expected != cdOffset) {
            throw bad("bytes between the last entry and the central directory");
        }
        return new StrictZip(data, limits, byName);
    }

    private static Entry checkLocal(Scratch data, Entry e, long cdOffset) throws IOException {
        if (e.headerOffset() + 30 > cdOffset) {
            throw bad("local header of " + e.name() + " overruns");
        }
        ByteBuffer loc = read(data, e.headerOffset(), 30);
        if (loc.getInt(0) != LOC_SIG) {
            throw bad("no local header for " + e.name());
        }
        int flags = u16(loc, 6);
        int method = u16(loc, 8);
        long crc = u32(loc, 14);
        long csize = u32(loc, 18);
        long usize = u32(loc, 22);
        int nameLength = u16(loc, 26);
        int extraLength = u16(loc, 28);
        if (flags != e.flags() || method != e.method() || extraLength > MAX_EXTRA) {
            throw bad("local header of " + e.name() + " disagrees with the directory");
        }
        long dataOffset = e.headerOffset() + 30 + nameLength + extraLength;
        if (dataOffset + e.compressedSize() > cdOffset) {
            throw bad("data of " + e.name() + " overruns");
        }
        ByteBuffer nameAndExtra = read(data, e.headerOffset() + 30, nameLength + extraLength);
        byte[] nameBytes = new byte[nameLength];
        nameAndExtra.get(0, nameBytes);
        if (!Arrays.equals(nameBytes, e.name().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(RejectReason.DUPLICATE_ENTRY, "local name differs from the directory");
        }
        checkExtra(nameAndExtra, nameLength, extraLength, e.name());
        boolean descriptor = (flags & (1 << 3)) != 0;
        boolean sameValues = crc == e.crc() && csize == e.compressedSize() && usize == e.size();
        boolean deferred = descriptor && crc == 0 && csize == 0 && usize == 0;
        if (!sameValues && !deferred) {
            throw bad("local sizes of " + e.name() + " disagree with the directory");
        }
        return new Entry(e.name(), e.method(), e.flags(), e.crc(), e.compressedSize(), e.size(), e.headerOffset(),
                dataOffset);
    }

    private static long descriptorLength(Scratch data, Entry e, long cdOffset) throws IOException {
        if ((e.flags() & (1 << 3)) == 0) {
            return 0;
        }
        long at = e.dataOffset() + e.compressedSize();
        if (at + 12 > cdOffset) {
            throw bad("data descriptor of " + e.name() + " overruns");
        }
        ByteBuffer d = read(data, at, (int) Math.min(16, cdOffset - at));
        if (d.limit() >= 16 && d.getInt(0) == EXT_SIG && matches(d, 4, e)) {
            return 16;
        }
        if (matches(d, 0, e)) {
            return 12;
        }
        throw bad("data descriptor of " + e.name() + " disagrees with the directory");
    }

    private static boolean matches(ByteBuffer d, int at, Entry e) {
        return u32(d, at) == e.crc() && u32(d, at + 4) == e.compressedSize() && u32(d, at + 8) == e.size();
    }

    private static void checkExtra(ByteBuffer b, int at, int length, String name) throws Refusal {
        int p = 0;
        while (p < length) {
            if (p + 4 > length) {
                throw bad("extra field of " + name);
            }
            int id = u16(b, at + p);
            int len = u16(b, at + p + 2);
            if (id == 0x0001 || p + 4 + len > length) {
                throw bad("ZIP64 or broken extra field in " + name);
            }
            p += 4 + len;
        }
    }

    /** The entry's content, inflated, checked against the declared size and CRC as it streams. */
    InputStream open(Entry e) {
        return new EntryStream(e);
    }

    /** Reads a small entry whole (manifest, signature, trust documents). */
    byte[] readAll(Entry e, int cap) throws IOException {
        if (e.size() > cap) {
            throw new Refusal(RejectReason.ZIP_BOMB, "entry too large: " + e.name());
        }
        try (InputStream in = open(e)) {
            return in.readAllBytes();
        }
    }

    private final class EntryStream extends InputStream {
        private final Entry entry;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private final byte[] in = new byte[16 * 1024];
        private long compressedRead;
        private long produced;
        private boolean dummyFed;
        private boolean done;

        EntryStream(Entry entry) {
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = entry.method() == 0 ? readStored(b, off, len) : readDeflated(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            produced += n;
            if (produced > entry.size()) {
                throw new Refusal(RejectReason.ZIP_BOMB, "inflates beyond its declared size: " + entry.name());
            }
            crc.update(b, off, n);
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            long left = entry.compressedSize() - compressedRead;
            if (left == 0) {
                return -1;
            }
            int n = data.read(entry.dataOffset() + compressedRead, b, off, (int) Math.min(len, left));
            if (n <= 0) {
                throw bad("stored data cut short");
            }
            compressedRead += n;
            return n;
        }

        private int readDeflated(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        if (inflater.getRemaining() > 0 && !dummyFed || compressedRead != entry.compressedSize()) {
                            throw bad("deflate stream of " + entry.name() + " ends before its data does");
                        }
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw bad("preset dictionary in " + entry.name());
                    }
                    if (inflater.needsInput()) {
                        long left = entry.compressedSize() - compressedRead;
                        if (left == 0) {
                            if (dummyFed) {
                                throw bad("deflate stream of " + entry.name() + " cut short");
                            }
                            dummyFed = true;
                            inflater.setInput(new byte[1]);
                            continue;
                        }
                        int r = data.read(entry.dataOffset() + compressedRead, in, 0, (int) Math.min(in.length, left));
                        if (r <= 0) {
                            throw bad("compressed data cut short");
                        }
                        compressedRead += r;
                        inflater.setInput(in, 0, r);
                    }
                }
            } catch (DataFormatException ex) {
                throw bad("deflate data of " + entry.name());
            }
        }

        private void finish() throws IOException {
            done = true;
            if (produced != entry.size() || crc.getValue() != entry.crc()) {
                throw bad("size or CRC of " + entry.name() + " differs from the directory");
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    private static String utf8(byte[] b) throws Refusal {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(RejectReason.UNEXPECTED_ENTRY, "entry name is not UTF-8");
        }
    }

    private static ByteBuffer read(Scratch data, long position, int length) throws IOException {
        byte[] b = new byte[length];
        int done = 0;
        while (done < length) {
            int n = data.read(position + done, b, done, length - done);
            if (n <= 0) {
                throw bad("unexpected end of data");
            }
            done += n;
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }

    private static Refusal bad(String detail) {
        return new Refusal(RejectReason.MALFORMED_ZIP, detail);
    }
}
