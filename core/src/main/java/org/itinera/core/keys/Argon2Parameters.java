package org.itinera.core.keys;

/**
 * Argon2id cost parameters, stored beside each wrapped key so they can be raised later without
 * locking anyone out. Defaults: 64 MiB, 3 passes, 4 lanes (≈0.2 s on a 2-core field laptop).
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(64 * 1024, 3, 4);
    /** For tests only: the same algorithm, cheap enough to run hundreds of times. */
    public static final Argon2Parameters FAST_FOR_TESTS = new Argon2Parameters(1024, 1, 1);

    public Argon2Parameters {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
    }
}
