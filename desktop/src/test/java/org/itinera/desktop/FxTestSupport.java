package org.itinera.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.task.ThreadPoolTaskExecutor;
import org.testfx.util.WaitForAsyncUtils;

/** A real application context on a temporary data directory, for TestFX journeys. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    public static AppContext context(Path dataDir, String language) {
        return new AppContext(new AppConfig(dataDir, false, 0, Argon2Parameters.FAST_FOR_TESTS, language),
                Clock.systemDefaultZone(), new ThreadPoolTaskExecutor(2, Platform::runLater));
    }

    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached within 20 s", e);
        }
    }
}
