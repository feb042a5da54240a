package org.itinera.sync.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.itinera.sync.crypto.AgeLayer;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Minisign;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.pkg.Manifest;
import org.itinera.sync.testing.SyncFixtures.TestNode;

/** Packages with a hand-made inside, properly encrypted (and, where wanted, properly signed). */
public final class HostilePackages {
    private static final ObjectMapper JSON = SyncJson.strict(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private HostilePackages() {
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correct manifest for these listed entries (changes.ndjson counted as person lines). */
    public static Manifest manifest(TestNode from, TestNode to, Map<String, byte[]> listed) {
        List<Manifest.EntryDigest> entries = new ArrayList<>();
        listed.forEach((n, c) -> entries.add(new Manifest.EntryDigest(n, c.length, sha256(c))));
        long lines = 0;
        for (byte b : listed.getOrDefault("changes.ndjson", new byte[0])) {
            if (b == '\n') {
                lines++;
            }
        }
        return new Manifest(Manifest.FORMAT, SyncFixtures.start(from, to, 1).packageId(), from.sender(), to.nodeId(), 1,
                Manifest.NO_PREVIOUS, 1, 1L << 40, Map.of(), Map.of(), entries,
                lines == 0 ? Map.of() : Map.of("person", lines), "b".repeat(64));
    }

    public static byte[] json(Manifest m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(TestNode signer, byte[] manifestJson) {
        return Minisign.sign(signer.sign(), manifestJson, "test").getBytes(StandardCharsets.UTF_8);
    }

    /** A normal, valid inner ZIP from {@code from} to {@code to} with these change lines. */
    public static RawZip valid(TestNode from, TestNode to, String changes) {
        byte[] c = changes.getBytes(StandardCharsets.UTF_8);
        byte[] m = json(manifest(from, to, Map.of("changes.ndjson", c)));
        return new RawZip().add("changes.ndjson", c).add("manifest.json", m).add("manifest.json.minisig", sign(from, m));
    }

    /** Encrypts {@code zip} to {@code recipient} into {@code file}. */
    public static Path encrypt(byte[] zip, AgeRecipient recipient, Path file) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WritableByteChannel enc = AgeLayer.encrypting(out, List.of(recipient))) {
            ByteBuffer b = ByteBuffer.wrap(zip);
            while (b.hasRemaining()) {
                enc.write(b);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
