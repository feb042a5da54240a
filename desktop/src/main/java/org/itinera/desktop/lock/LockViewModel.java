package org.itinera.desktop.lock;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The locked window: the same user's passphrase unlocks it (wrong ones count towards the lock-out
 * like failed sign-ins); anyone else must sign the user out first. The workspace stays open.
 */
public final class LockViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Runnable onUnlocked;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public LockViewModel(Workspace ws, TaskExecutor executor, Messages messages, Runnable onUnlocked) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.onUnlocked = onUnlocked;
    }

    public String who() {
        return messages.get("lock.who", ws.currentUser().displayName(), ws.currentUser().username());
    }

    public void unlock() {
        if (busy.get()) {
            return;
        }
        if (passphrase.get().isEmpty()) {
            error.set(messages.get("signin.error.empty"));
            return;
        }
        char[] pass = passphrase.get().toCharArray();
        busy.set(true);
        error.set("");
        executor.execute(BackgroundTask.<Void>of("unlock", p -> {
                    ws.unlockScreen(pass);
                    return null;
                })
                .onSuccess(v -> {
                    busy.set(false);
                    passphrase.set("");
                    onUnlocked.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    passphrase.set("");
                    error.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public StringProperty passphrase() {
        return passphrase;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
