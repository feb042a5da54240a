package org.itinera.desktop;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up milestones in the log, each with the time since the operating system started the
 * process (so the JVM's own start is included): what {@code installer/src/main/scripts/measure-startup.sh}
 * and the smoke test read. Lines look like {@code Start-up: window shown 812 ms after process start}.
 */
public final class StartupLog {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

    private StartupLog() {
    }

    /** Logs {@code what} with the milliseconds since the process started (-1 when the OS does not say). */
    public static void milestone(String what) {
        long ms = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        LOG.info("Start-up: {} {} ms after process start", what, ms);
    }
}
