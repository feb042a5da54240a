package org.itinera.desktop;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable: every 5 ms it posts a runnable and records how
 * late it ran. The longest delay is the longest stall a user would feel as a frozen window.
 */
public final class FxStallProbe implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fx-stall-probe").factory());
    private final AtomicLong worstNanos = new AtomicLong();

    public FxStallProbe() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> worstNanos.accumulateAndGet(System.nanoTime() - posted, Math::max));
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    public long worstMillis() {
        return worstNanos.get() / 1_000_000;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
