package org.itinera.core.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/** Argon2id key derivation (BouncyCastle), turning a passphrase into a 256-bit wrapping key. */
public final class Argon2Kdf {
    private Argon2Kdf() {
    }

    public static byte[] derive(char[] passphrase, byte[] salt, Argon2Parameters p) {
        org.bouncycastle.crypto.params.Argon2Parameters params =
                new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                        .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(salt)
                        .withMemoryAsKB(p.memoryKiB())
                        .withIterations(p.iterations())
                        .withParallelism(p.parallelism())
                        .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] pass = toUtf8(passphrase);
        byte[] out = new byte[32];
        try {
            gen.generateBytes(pass, out);
            return out;
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    private static byte[] toUtf8(char[] chars) {
        java.nio.ByteBuffer buf = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }
}
