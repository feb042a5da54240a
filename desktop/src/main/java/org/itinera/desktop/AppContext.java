package org.itinera.desktop;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.task.ThreadPoolTaskExecutor;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;

/**
 * The composition root: builds every long-lived object of the application with plain
 * constructors, once. The signed-in {@link Workspace} (database and core services) is opened and
 * closed here too; screens receive what they need from this object, never from statics.
 */
public final class AppContext implements AutoCloseable {
    private final AppConfig config;
    private final Clock clock;
    private final ReferenceData reference;
    private final Installation installation;
    private final TaskExecutor executor;
    private Messages messages;
    private boolean languageChosen;
    private Workspace workspace;
    private SyncComponents sync;

    public AppContext(AppConfig config, Clock clock, TaskExecutor executor) {
        this.config = config;
        this.clock = clock;
        this.reference = new ReferenceData();
        this.installation = new Installation(new DataDirectory(config.dataDirectory()), config.kdf(), reference, clock,
                new SecureRandom());
        this.executor = executor;
        this.messages = new Messages(config.language() == null ? Locale.getDefault() : Locale.forLanguageTag(config.language()));
        this.languageChosen = config.language() != null;
    }

    /** The application as started from the desktop: tasks on a background pool, results on {@code uiThread}. */
    public static AppContext forDesktop(AppConfig config, Executor uiThread) {
        return new AppContext(config, Clock.systemDefaultZone(), new ThreadPoolTaskExecutor(2, uiThread));
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public ReferenceData reference() {
        return reference;
    }

    public Installation installation() {
        return installation;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public Messages messages() {
        return messages;
    }

    /** A language picked by the person at the keyboard: it holds for this session. */
    public void useLanguage(String language) {
        this.messages = Messages.forLanguage(language);
        this.languageChosen = true;
    }

    /** The signed-in user's workspace. */
    public Workspace workspace() {
        if (workspace == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        return workspace;
    }

    public boolean signedIn() {
        return workspace != null;
    }

    public void signedIn(Workspace ws) {
        signOut();
        this.workspace = ws;
        if (!languageChosen) {
            this.messages = Messages.forLanguage(ws.currentUser().locale()); // the account's own language
        }
        // the device keys are made at first run; off the FX thread, like every database write
        executor.execute(org.itinera.core.task.BackgroundTask.of("device keys", p -> sync()));
    }

    /** Device keys, trust, package writer and reader of the signed-in workspace. */
    public synchronized SyncComponents sync() {
        if (sync == null) {
            sync = SyncComponents.of(workspace(), installation.directory());
        }
        return sync;
    }

    /** Records the sign-out in the audit trail and closes the workspace (which wipes the key). */
    public void signOut() {
        synchronized (this) {
            sync = null;
        }
        if (workspace != null) {
            Workspace ws = workspace;
            workspace = null;
            ws.signOut();
        }
    }

    @Override
    public void close() {
        signOut();
        executor.close();
    }
}
