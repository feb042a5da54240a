package org.itinera.desktop.signin;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.ui.ErrorMessages;

/** Sign-in: username and passphrase unlock the database key, then the user's workspace opens. */
public final class SignInViewModel {
    private final AppContext context;
    private final Runnable onSignedIn;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty resetCode = new SimpleStringProperty("");
    private final StringProperty newPassphrase = new SimpleStringProperty("");
    private final StringProperty newPassphraseAgain = new SimpleStringProperty("");

    public SignInViewModel(AppContext context, Runnable onSignedIn) {
        this.context = context;
        this.onSignedIn = onSignedIn;
    }

    public StringProperty username() {
        return username;
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

    public StringProperty resetCode() {
        return resetCode;
    }

    public StringProperty newPassphrase() {
        return newPassphrase;
    }

    public StringProperty newPassphraseAgain() {
        return newPassphraseAgain;
    }

    /**
     * Forgot passphrase (ADR 0008): the reset token the hub sent for this account arrived in a sync
     * package; with the one-time code the hub gave by phone, a new passphrase replaces the old one
     * and the person is signed in. The token is spent whatever happens next.
     */
    public void recover() {
        if (busy.get()) {
            return;
        }
        if (username.get().isBlank() || resetCode.get().isBlank() || newPassphrase.get().isEmpty()) {
            error.set(context.messages().get("signin.recovery.empty"));
            return;
        }
        if (!newPassphrase.get().equals(newPassphraseAgain.get())) {
            error.set(context.messages().get("signin.recovery.mismatch"));
            return;
        }
        busy.set(true);
        error.set("");
        String user = username.get().strip();
        char[] code = resetCode.get().toCharArray();
        char[] pass = newPassphrase.get().toCharArray();
        context.executor().execute(BackgroundTask.<Workspace>of("passphrase recovery",
                        p -> context.installation().recover(user, java.util.Optional.empty(), code, pass))
                .onSuccess(ws -> {
                    busy.set(false);
                    clearRecovery();
                    context.signedIn(ws);
                    onSignedIn.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(new ErrorMessages(context.messages()).describe(e));
                }));
    }

    private void clearRecovery() {
        resetCode.set("");
        newPassphrase.set("");
        newPassphraseAgain.set("");
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        if (username.get().isBlank() || passphrase.get().isEmpty()) {
            error.set(context.messages().get("signin.error.empty"));
            return;
        }
        busy.set(true);
        error.set("");
        String user = username.get().strip();
        char[] pass = passphrase.get().toCharArray();
        context.executor().execute(BackgroundTask.<Workspace>of("sign in", p -> {
                    Workspace ws = context.installation().signIn(user, pass);
                    // Argon2id just used 64 MiB of heap for a moment: give it back to the OS now
                    // rather than keep it committed for the whole session (field laptops are small)
                    System.gc();
                    return ws;
                })
                .onSuccess(ws -> {
                    busy.set(false);
                    passphrase.set("");
                    context.signedIn(ws);
                    onSignedIn.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    passphrase.set("");
                    error.set(new ErrorMessages(context.messages()).describe(e));
                }));
    }
}
