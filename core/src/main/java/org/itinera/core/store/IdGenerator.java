package org.itinera.core.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps ids
 * made in the same millisecond in order, then 62 random bits. Ordered ids keep B-tree inserts
 * local, which matters when a sync import adds a million rows.
 */
public final class IdGenerator {
    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private int sequence;

    public IdGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public synchronized UUID nextUuid() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            sequence = random.nextInt(1 << 11); // leave head-room before the 12-bit counter overflows
        } else if (++sequence >= 1 << 12) {
            lastMillis++; // borrow the next millisecond rather than repeat or reorder
            sequence = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    public String next() {
        return nextUuid().toString();
    }
}
