package org.itinera.desktop.admin;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/** The signed-in user's own passphrase change: current one, new one twice. */
public final class AccountViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    final StringProperty current = new SimpleStringProperty("");
    final StringProperty replacement = new SimpleStringProperty("");
    final StringProperty again = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public AccountViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
    }

    public void change() {
        errors.clear();
        if (!replacement.get().equals(again.get())) {
            errors.put("newPassphraseAgain", messages.get("firstrun.error.mismatch"));
            status.set(messages.get("error.validation", 1));
            return;
        }
        char[] now = current.get().toCharArray();
        char[] next = replacement.get().toCharArray();
        busy.set(true);
        executor.execute(BackgroundTask.<Void>of("change passphrase", p -> {
                    ws.users().changeOwnPassphrase(ws.actor(), now, next);
                    return null;
                })
                .onSuccess(v -> {
                    busy.set(false);
                    current.set("");
                    replacement.set("");
                    again.set("");
                    status.set(messages.get("account.changed"));
                })
                .onFailure(e -> {
                    busy.set(false);
                    current.set("");
                    if (e instanceof org.itinera.core.keys.SignInException) {
                        errors.put("currentPassphrase", messages.get("account.error.current"));
                    } else {
                        FieldErrors.show(e, errors, messages);
                    }
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty current() {
        return current;
    }

    public StringProperty replacement() {
        return replacement;
    }

    public StringProperty again() {
        return again;
    }
}
