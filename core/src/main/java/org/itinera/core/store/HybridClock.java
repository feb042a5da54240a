package org.itinera.core.store;

import java.time.Clock;
import java.time.Instant;

/**
 * Hybrid logical clock: wall-clock milliseconds in the high 48 bits, a logical counter in the low
 * 16. Never goes backwards, and moves past any timestamp received from another node, so a laptop
 * whose clock is days off still orders its edits after what it has seen. Used for display order and
 * deterministic tie-breaks only; causality is decided by dots and version vectors.
 */
public final class HybridClock {
    private final Clock wall;
    private long last;

    public HybridClock(Clock wall, long lastIssued) {
        this.wall = wall;
        this.last = lastIssued;
    }

    public synchronized long now() {
        long physical = wall.millis() << 16;
        last = physical > last ? physical : last + 1;
        return last;
    }

    /** Merges a timestamp seen in a change from another node. */
    public synchronized void observe(long remote) {
        if (remote > last) {
            last = remote;
        }
    }

    public synchronized long lastIssued() {
        return last;
    }

    public static Instant toInstant(long hlc) {
        return Instant.ofEpochMilli(hlc >>> 16);
    }
}
