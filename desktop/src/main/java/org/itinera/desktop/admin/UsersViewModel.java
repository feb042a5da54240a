package org.itinera.desktop.admin;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.UserAccount;
import org.itinera.core.organisation.Office;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/**
 * User administration: the accounts of this laptop; a new account (name, office, language, roles
 * and their scope, first passphrase); for the selected account: its roles, a new passphrase set by
 * the administrator, disabling and enabling. Every rule is the user service's; errors show by field.
 */
public final class UsersViewModel {
    public static final List<String> LANGUAGES = List.of("en", "fr", "ar");
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final List<Office> offices;
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty displayName = new SimpleStringProperty("");
    final ObjectProperty<Office> office = new SimpleObjectProperty<>();
    final ObjectProperty<String> language = new SimpleObjectProperty<>("en");
    final StringProperty passphrase = new SimpleStringProperty("");
    final StringProperty passphraseAgain = new SimpleStringProperty("");
    final RoleSelection newRoles = new RoleSelection();
    final ObjectProperty<UserAccount> selected = new SimpleObjectProperty<>();
    final RoleSelection selectedRoles = new RoleSelection();
    final StringProperty selectedPassphrase = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> selectedErrors = FXCollections.observableHashMap();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public UsersViewModel(Workspace ws, TaskExecutor executor, Messages messages, List<Office> offices) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.offices = offices;
        office.set(offices.stream().filter(o -> o.id().equals(ws.currentUser().officeId())).findFirst().orElse(null));
        selected.addListener((o, a, u) -> {
            selectedErrors.clear();
            selectedPassphrase.set("");
            if (u != null) {
                selectedRoles.load(u.grants(), offices, c -> ws.reference().country(c));
            }
        });
    }

    public void refresh() {
        run("users", () -> ws.users().all(ws.actor()), users::setAll);
    }

    public void create() {
        errors.clear();
        if (!passphrase.get().equals(passphraseAgain.get())) {
            errors.put("passphraseAgain", messages.get("firstrun.error.mismatch"));
            status.set(messages.get("error.validation", 1));
            return;
        }
        NewUser u = new NewUser(username.get().strip(), displayName.get(), office.get() == null ? null : office.get().id(),
                language.get(), newRoles.grants());
        char[] pass = passphrase.get().toCharArray();
        run("create user", () -> ws.users().create(ws.actor(), u, pass), created -> {
            status.set(messages.get("users.created", created.username()));
            username.set("");
            displayName.set("");
            passphrase.set("");
            passphraseAgain.set("");
            refresh();
        }, errors);
    }

    public void saveRoles() {
        UserAccount u = selected.get();
        if (u != null) {
            run("set roles", () -> ws.users().setGrants(ws.actor(), u.id(), selectedRoles.grants()),
                    changed -> {
                        status.set(messages.get("users.rolesSaved", changed.username()));
                        refresh();
                    }, selectedErrors);
        }
    }

    public void setPassphrase() {
        UserAccount u = selected.get();
        if (u != null) {
            char[] pass = selectedPassphrase.get().toCharArray();
            run("reset passphrase", () -> {
                ws.users().resetPassphrase(ws.actor(), u.id(), pass);
                return u;
            }, done -> {
                selectedPassphrase.set("");
                status.set(messages.get("users.passphraseSet", done.username()));
            }, selectedErrors);
        }
    }

    public void disable() {
        UserAccount u = selected.get();
        if (u != null) {
            run("disable user", () -> {
                ws.users().disable(ws.actor(), u.id());
                return u;
            }, done -> {
                status.set(messages.get("users.disabled", done.username()));
                refresh();
            }, selectedErrors);
        }
    }

    /** Enabling needs a new passphrase (disabling removed the old one from the keyring). */
    public void enable() {
        UserAccount u = selected.get();
        if (u != null) {
            char[] pass = selectedPassphrase.get().toCharArray();
            run("enable user", () -> {
                ws.users().enable(ws.actor(), u.id(), pass);
                return u;
            }, done -> {
                selectedPassphrase.set("");
                status.set(messages.get("users.enabled", done.username()));
                refresh();
            }, selectedErrors);
        }
    }

    private <T> void run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        run(name, work, done, null);
    }

    private <T> void run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                         ObservableMap<String, String> fieldErrors) {
        busy.set(true);
        if (fieldErrors != null) {
            fieldErrors.clear();
        }
        executor.execute(BackgroundTask.<T>of(name, p -> work.call())
                .onSuccess(r -> {
                    busy.set(false);
                    done.accept(r);
                })
                .onFailure(e -> {
                    busy.set(false);
                    if (fieldErrors != null) {
                        // the selected account's fields carry a prefix: the two forms share a scene
                        FieldErrors.show(e, fieldErrors, messages,
                                fieldErrors == selectedErrors ? UsersViewModel::selectedField : f -> f);
                    }
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    /** "passphrase" → "selPassphrase": the id of that field in the selected account's form. */
    static String selectedField(String field) {
        return "sel" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    public String rolesText(UserAccount u) {
        return String.join(", ", u.grants().stream().map(g -> messages.label(g.role()) + g.officeId()
                        .flatMap(id -> offices.stream().filter(o -> o.id().equals(id)).findFirst()).map(o -> " (" + o.code() + ")")
                        .or(() -> g.country().map(c -> " (" + c + ")")).orElse("")).sorted().toList());
    }

    public Optional<Office> officeOf(UserAccount u) {
        return offices.stream().filter(o -> o.id().equals(u.officeId())).findFirst();
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public List<Office> offices() {
        return offices;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableMap<String, String> selectedErrors() {
        return selectedErrors;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObjectProperty<UserAccount> selected() {
        return selected;
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

    public RoleSelection newRoles() {
        return newRoles;
    }
}
