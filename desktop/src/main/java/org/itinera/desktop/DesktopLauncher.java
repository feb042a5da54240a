package org.itinera.desktop;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.itinera.desktop.shell.AppWindow;

/**
 * Starts the JavaFX toolkit without a static Application subclass, so the window receives its
 * context by constructor like everything else.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(AppConfig config) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            AppContext context = AppContext.forDesktop(config, Platform::runLater);
            new AppWindow(context, new Stage()).show();
        });
    }
}
