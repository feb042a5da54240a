package org.itinera.desktop;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.itinera.desktop.shell.AppWindow;

/**
 * Starts the JavaFX toolkit without a static Application subclass, so the window receives its
 * context by constructor like everything else.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(AppConfig config) {
        launch(config, StartupExit.NEVER);
    }

    /** Opens the window; a start-up probe ({@code exit} other than NEVER) closes it again at that point. */
    public static void launch(AppConfig config, StartupExit exit) {
        StartupLog.milestone("toolkit starting");
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            AppContext context = AppContext.forDesktop(config, Platform::runLater);
            Stage stage = new Stage();
            AppWindow window = new AppWindow(context, stage);
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
                StartupLog.milestone("window shown");
                if (exit == StartupExit.SHOWN) {
                    Platform.runLater(stage::close);
                }
            });
            window.whenMainShown(() -> {
                StartupLog.milestone("main view shown");
                if (exit == StartupExit.SIGNED_IN) {
                    Platform.runLater(stage::close);
                }
            });
            window.show();
        });
    }
}
