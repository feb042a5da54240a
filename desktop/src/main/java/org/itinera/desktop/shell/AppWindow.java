package org.itinera.desktop.shell;

import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.itinera.core.demo.DemoSetup;
import org.itinera.core.task.BackgroundTask;
import org.itinera.desktop.AppContext;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.admin.AdminScreen;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.movement.MovementScreen;
import org.itinera.desktop.lock.IdleMonitor;
import org.itinera.desktop.lock.LockView;
import org.itinera.desktop.lock.LockViewModel;
import org.itinera.desktop.registry.RegistryScreen;
import org.itinera.desktop.signin.FirstRunView;
import org.itinera.desktop.signin.FirstRunViewModel;
import org.itinera.desktop.signin.SignInView;
import org.itinera.desktop.signin.SignInViewModel;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The application window: first run, sign-in, then the main view; back to sign-in on sign-out.
 * In demo mode a fresh demo installation is prepared in the background first.
 */
public final class AppWindow {
    private final AppContext context;
    private final Stage stage;
    private final AreaScreens screens;
    private boolean preparing;
    private String preparationProblem;
    private Parent mainRoot;
    private IdleMonitor idle;
    private javafx.util.Duration idleOverride;
    private Runnable mainShown = () -> { };

    public AppWindow(AppContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
        this.screens = new AreaScreens().register(Area.REGISTRY, RegistryScreen::create)
                .register(Area.MOVEMENT, MovementScreen::create)
                .register(Area.MEDICAL, org.itinera.desktop.medical.MedicalScreen::create)
                .register(Area.ASSISTANCE, org.itinera.desktop.assistance.AssistanceScreen::create)
                .register(Area.SYNC, org.itinera.desktop.sync.SyncScreen::create)
                .register(Area.ADMIN, AdminScreen::create);
    }

    /** Runs {@code r} each time the main view is shown after a sign-in (start-up timing, probes). */
    public void whenMainShown(Runnable r) {
        this.mainShown = r;
    }

    public AreaScreens screens() {
        return screens;
    }

    public void show() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle(context.messages().get("app.name"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> context.close());
        if (context.config().demo()) {
            prepareDemo();
        }
        showStart();
        stage.show();
    }

    private void prepareDemo() {
        preparing = true;
        int persons = context.config().demoPersons();
        context.executor().execute(BackgroundTask.of("demo data",
                        p -> DemoSetup.prepare(context.installation(), persons, p))
                .onSuccess(created -> {
                    preparing = false;
                    showStart();
                })
                .onFailure(e -> {
                    preparing = false;
                    preparationProblem = new ErrorMessages(context.messages()).describe(e);
                    showStart();
                }));
    }

    /** First run, or sign-in. */
    public void showStart() {
        Messages m = context.messages();
        stage.setTitle(m.get("app.name"));
        if (preparing) {
            setRoot(SignInView.create(new SignInViewModel(context, this::showMain), m, m.get("demo.preparing",
                    context.config().demoPersons()), this::switchLanguage));
            return;
        }
        if (!context.installation().isInitialised()) {
            setRoot(FirstRunView.create(new FirstRunViewModel(context, this::showMain), m, context.reference(),
                    this::switchLanguage));
            return;
        }
        SignInViewModel vm = new SignInViewModel(context, this::showMain);
        String hint = null;
        if (context.config().demo()) {
            vm.username().set(DemoSetup.ADMIN);
            hint = preparationProblem != null ? preparationProblem
                    : m.get("demo.hint", DemoSetup.ADMIN, DemoSetup.PASSPHRASE,
                            String.join(", ", DemoSetup.ACCOUNTS.stream().map(a -> a[0]).toList()));
        }
        setRoot(SignInView.create(vm, m, hint, this::switchLanguage));
    }

    private void showMain() {
        stage.setTitle(context.messages().get("app.name") + " — " + context.workspace().currentUser().displayName());
        mainRoot = new MainView(context, screens, this::signOut, this::lockNow).create();
        setRoot(mainRoot);
        startIdleLock();
        mainShown.run();
    }

    /** Locks after the laptop's idle delay (read in the background; a test may set a shorter one). */
    private void startIdleLock() {
        stopIdleLock(); // never two monitors: an orphaned one would lock again over the lock screen
        if (idleOverride != null) {
            idle = new IdleMonitor(stage.getScene(), idleOverride, this::lockNow);
            idle.start();
            return;
        }
        var ws = context.workspace();
        context.executor().execute(BackgroundTask.of("idle delay", p -> ws.settings().idleLockMinutes())
                .onSuccess(minutes -> {
                    if (context.signedIn() && mainRoot != null && stage.getScene().getRoot() == mainRoot) {
                        idle = new IdleMonitor(stage.getScene(), javafx.util.Duration.minutes(minutes), this::lockNow);
                        idle.start();
                    }
                }));
    }

    /** For tests: the idle delay instead of the laptop's setting. */
    public void idleDelay(javafx.util.Duration d) {
        this.idleOverride = d;
    }

    /** Hides everything behind the lock screen; the workspace stays open for the same user. */
    public void lockNow() {
        if (!context.signedIn() || mainRoot == null || stage.getScene().getRoot() != mainRoot) {
            return; // already locked (or not in the main window): keep what is typed in the lock screen
        }
        stopIdleLock();
        var ws = context.workspace();
        context.executor().execute(BackgroundTask.of("lock", p -> {
            ws.screenLocked();
            return null;
        }));
        Messages m = context.messages();
        setRoot(LockView.create(new LockViewModel(ws, context.executor(), m, this::unlocked), m, this::signOut));
    }

    private void unlocked() {
        setRoot(mainRoot);
        startIdleLock();
    }

    private void stopIdleLock() {
        if (idle != null) {
            idle.stop();
            idle = null;
        }
    }

    private void signOut() {
        stopIdleLock();
        mainRoot = null;
        Workspace ws = context.signedIn() ? context.workspace() : null;
        if (ws == null) {
            showStart();
            return;
        }
        // the sign-out is recorded (a write) before the database closes: off the FX thread
        context.executor().execute(BackgroundTask.of("sign out", p -> {
                    context.signOut();
                    return null;
                })
                .onSuccess(v -> showStart())
                .onFailure(e -> showStart()));
    }

    private void switchLanguage(Locale locale) {
        context.useLanguage(locale.getLanguage());
        showStart();
    }

    private void setRoot(Parent root) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, 1280, 760);
            scene.getStylesheets().add(AppWindow.class.getResource("/org/itinera/desktop/app.css").toExternalForm());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
        stage.getScene().setNodeOrientation(context.messages().rightToLeft()
                ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
    }
}
