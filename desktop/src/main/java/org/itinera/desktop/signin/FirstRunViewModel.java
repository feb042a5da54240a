package org.itinera.desktop.signin;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.itinera.core.reference.Country;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.ui.ErrorMessages;

/** First run on a laptop: the administrator's account and the office it works for. */
public final class FirstRunViewModel {
    private final AppContext context;
    private final Runnable onDone;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseAgain = new SimpleStringProperty("");
    private final StringProperty officeCode = new SimpleStringProperty("");
    private final StringProperty officeName = new SimpleStringProperty("");
    private final ObjectProperty<Country> country = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public FirstRunViewModel(AppContext context, Runnable onDone) {
        this.context = context;
        this.onDone = onDone;
    }

    public void create() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        error.set("");
        if (!passphrase.get().equals(passphraseAgain.get())) {
            errors.put("passphraseAgain", context.messages().get("firstrun.error.mismatch"));
            return;
        }
        FirstRun setup = new FirstRun(username.get().strip(), displayName.get().strip(), passphrase.get().toCharArray(),
                officeCode.get().strip(), officeName.get().strip(), country.get() == null ? null : country.get().alpha3(),
                context.messages().locale().getLanguage());
        try {
            context.installation().validate(setup);
        } catch (ValidationException e) {
            show(e);
            return;
        }
        busy.set(true);
        context.executor().execute(BackgroundTask.<Workspace>of("first run", p -> context.installation().initialise(setup))
                .onSuccess(ws -> {
                    busy.set(false);
                    passphrase.set("");
                    passphraseAgain.set("");
                    context.signedIn(ws);
                    onDone.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    if (e instanceof ValidationException v) {
                        show(v);
                    } else {
                        error.set(new ErrorMessages(context.messages()).describe(e));
                    }
                }));
    }

    private void show(ValidationException e) {
        for (FieldError fe : e.errors()) {
            errors.putIfAbsent(fe.field(), context.messages().get(fe.message()));
        }
        error.set(context.messages().get("error.validation", e.errors().size()));
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty displayName() {
        return displayName;
    }

    public StringProperty passphrase() {
        return passphrase;
    }

    public StringProperty passphraseAgain() {
        return passphraseAgain;
    }

    public StringProperty officeCode() {
        return officeCode;
    }

    public StringProperty officeName() {
        return officeName;
    }

    public ObjectProperty<Country> country() {
        return country;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public Locale locale() {
        return context.messages().locale();
    }
}
