package org.itinera.desktop.consent;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.itinera.core.access.Permission;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.NewConsent;
import org.itinera.core.consent.PersonConsent;
import org.itinera.core.organisation.Partner;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/**
 * A person's consents: what they agreed to, how, until when, and whether it still holds today; a
 * new consent; the withdrawal of one (dated, with a note). Withdrawal never erases anything.
 */
public final class ConsentPanelViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final String personId;
    private final String personOffice;
    private final ObservableList<PersonConsent> consents = FXCollections.observableArrayList();
    private final ObservableList<Partner> partners = FXCollections.observableArrayList();
    final ObjectProperty<ConsentPurpose> purpose = new SimpleObjectProperty<>(ConsentPurpose.ASSISTANCE);
    final ObjectProperty<Partner> partner = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> givenOn;
    final ObjectProperty<ConsentMethod> method = new SimpleObjectProperty<>(ConsentMethod.SIGNED);
    final StringProperty proxyName = new SimpleStringProperty("");
    final StringProperty proxyRelationship = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> expiresOn = new SimpleObjectProperty<>();
    final ObjectProperty<PersonConsent> selected = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> withdrawnOn;
    final StringProperty withdrawalNote = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ConsentPanelViewModel(Workspace ws, TaskExecutor executor, Messages messages, String personId, String personOffice) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.personId = personId;
        this.personOffice = personOffice;
        this.givenOn = new SimpleObjectProperty<>(LocalDate.now(ws.clock()));
        this.withdrawnOn = new SimpleObjectProperty<>(LocalDate.now(ws.clock()));
    }

    /** Whether the form to record or withdraw is shown (the service decides again). */
    public boolean canWrite() {
        return ws.access().allows(ws.actor(), Permission.CONSENT_WRITE, personOffice);
    }

    public void refresh() {
        executor.execute(BackgroundTask.of("consents", p -> new Loaded(ws.consents().ofPerson(ws.actor(), personId),
                        ws.consents().partners()))
                .onSuccess(l -> {
                    consents.setAll(l.consents());
                    partners.setAll(l.partners());
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    private record Loaded(List<PersonConsent> consents, List<Partner> partners) {
    }

    public void record() {
        NewConsent c = new NewConsent(personId, purpose.get(),
                purpose.get() == ConsentPurpose.DATA_SHARING && partner.get() != null ? partner.get().id() : null,
                givenOn.get(), method.get(),
                method.get() == ConsentMethod.PROXY ? proxyName.get() : null,
                method.get() == ConsentMethod.PROXY ? proxyRelationship.get() : null, expiresOn.get());
        run("record consent", () -> ws.consents().record(ws.actor(), c), done -> {
            status.set(messages.get("consent.recorded", messages.label(done.purpose())));
            proxyName.set("");
            proxyRelationship.set("");
            expiresOn.set(null);
        });
    }

    public void withdraw() {
        PersonConsent pc = selected.get();
        if (pc == null) {
            return;
        }
        LocalDate on = withdrawnOn.get();
        String note = withdrawalNote.get();
        run("withdraw consent", () -> ws.consents().withdraw(ws.actor(), pc.consent().id(), on, note), done -> {
            status.set(messages.get("consent.withdrawnDone", messages.label(done.purpose()), done.withdrawnOn()
                    .map(LocalDate::toString).orElse("")));
            withdrawalNote.set("");
        });
    }

    private <T> void run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        errors.clear();
        busy.set(true);
        executor.execute(BackgroundTask.<T>of(name, p -> work.call())
                .onSuccess(r -> {
                    busy.set(false);
                    done.accept(r);
                    refresh();
                })
                .onFailure(e -> {
                    busy.set(false);
                    FieldErrors.show(e, errors, messages);
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public ObservableList<PersonConsent> consents() {
        return consents;
    }

    public ObservableList<Partner> partners() {
        return partners;
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

    public ObjectProperty<ConsentPurpose> purpose() {
        return purpose;
    }

    public ObjectProperty<Partner> partner() {
        return partner;
    }

    public ObjectProperty<ConsentMethod> method() {
        return method;
    }

    public ObjectProperty<PersonConsent> selected() {
        return selected;
    }

    public ObjectProperty<LocalDate> givenOn() {
        return givenOn;
    }

    public StringProperty withdrawalNote() {
        return withdrawalNote;
    }
}
