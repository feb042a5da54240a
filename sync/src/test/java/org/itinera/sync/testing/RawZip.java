package org.itinera.sync.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes ZIP files byte by byte, including ones no honest writer would produce (for hostile-input tests). */
public final class RawZip {
    /** One entry; the overrides make the local header or the directory lie. */
    public record Entry(String name, byte[] content, boolean deflate, String localName, Long declaredSize) {
        public static Entry of(String name, byte[] content) {
            return new Entry(name, content, true, null, null);
        }

        public Entry withLocalName(String n) {
            return new Entry(name, content, deflate, n, declaredSize);
        }

        public Entry withDeclaredSize(long s) {
            return new Entry(name, content, deflate, localName, s);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private byte[] comment = new byte[0];

    public RawZip add(Entry e) {
        entries.add(e);
        return this;
    }

    public RawZip add(String name, byte[] content) {
        return add(Entry.of(name, content));
    }

    public RawZip prefix(byte[] junk) {
        this.prefix = junk;
        return this;
    }

    public RawZip comment(String c) {
        this.comment = c.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] data = e.deflate() ? deflate(e.content()) : e.content();
            CRC32 crc = new CRC32();
            crc.update(e.content());
            long size = e.declaredSize() != null ? e.declaredSize() : e.content().length;
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] localName = (e.localName() != null ? e.localName() : e.name()).getBytes(StandardCharsets.UTF_8);
            int offset = out.size() - prefix.length;
            int method = e.deflate() ? 8 : 0;
            out.writeBytes(le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800)
                    .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(data.length).putInt((int) size).putShort((short) localName.length).putShort((short) 0).array());
            out.writeBytes(localName);
            out.writeBytes(data);
            cd.writeBytes(le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800)
                    .putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(data.length).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).array());
            cd.writeBytes(name);
        }
        int cdOffset = out.size() - prefix.length;
        out.writeBytes(cd.toByteArray());
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(cd.size()).putInt(cdOffset)
                .putShort((short) comment.length).array());
        out.writeBytes(comment);
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
