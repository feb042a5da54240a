package org.itinera.desktop.admin;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.audit.AuditEntry;
import org.itinera.core.audit.AuditFilter;
import org.itinera.core.audit.AuditVerifier;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.PagedList;

/**
 * The audit viewer: the trail newest first, narrowed by user, action, entity and dates, in pages;
 * and the check of the whole hash chain, in the background, with its outcome in a sentence.
 */
public final class AuditViewModel {
    static final AuditEntry LOADING = new AuditEntry(0, java.time.Instant.EPOCH, null, "…", "", null, null,
            org.itinera.core.audit.AuditEvent.Outcome.OK, null);
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    final StringProperty user = new SimpleStringProperty("");
    final ObjectProperty<String> action = new SimpleObjectProperty<>();
    final StringProperty entityType = new SimpleStringProperty("");
    final StringProperty entityId = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final PagedList<AuditEntry> entries;
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty verification = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> intact = new SimpleObjectProperty<>();
    private final BooleanProperty verifying = new SimpleBooleanProperty();
    private AuditFilter applied = AuditFilter.ALL;

    public AuditViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.entries = new PagedList<>((o, l, previous) -> ws.audit().page(ws.actor(), applied, o, l), executor, LOADING);
    }

    AuditFilter filter() {
        return new AuditFilter(text(user.get()), Optional.ofNullable(action.get()).filter(a -> !a.isBlank()),
                text(entityType.get()), text(entityId.get()), Optional.ofNullable(from.get()), Optional.ofNullable(to.get()));
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** Applies the filters: counts in the background, then the list pages in. */
    public void search() {
        AuditFilter f = filter();
        executor.execute(BackgroundTask.of("audit count", p -> ws.audit().count(ws.actor(), f))
                .onSuccess(n -> {
                    applied = f;
                    entries.reset(n);
                    status.set(messages.get("audit.count", n));
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    public void loadActions() {
        executor.execute(BackgroundTask.of("audit actions", p -> ws.audit().actions(ws.actor()))
                .onSuccess(list -> {
                    actions.setAll("");
                    actions.addAll(list);
                }));
    }

    public void clearFilters() {
        user.set("");
        action.set(null);
        entityType.set("");
        entityId.set("");
        from.set(null);
        to.set(null);
        search();
    }

    /** Checks every link of the chain; the check itself becomes the newest entry. */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        verifying.set(true);
        verification.set(messages.get("audit.verifying"));
        intact.set(null);
        executor.execute(BackgroundTask.<AuditVerifier.Result>of("audit verify",
                        p -> ws.audit().verify(ws.actor(), Optional.empty(), p))
                .onSuccess(r -> {
                    verifying.set(false);
                    intact.set(r.intact());
                    verification.set(r.firstBreak()
                            .map(b -> messages.get("audit.broken", b.seq(), messages.label(b.problem())))
                            .orElse(messages.get("audit.intact", r.entriesChecked(), r.head().seq(),
                                    r.head().hash().substring(0, 16))));
                    search();
                })
                .onFailure(e -> {
                    verifying.set(false);
                    verification.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObservableList<String> actions() {
        return actions;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty verification() {
        return verification;
    }

    public ObjectProperty<Boolean> intact() {
        return intact;
    }

    public BooleanProperty verifying() {
        return verifying;
    }

    public StringProperty user() {
        return user;
    }

    public ObjectProperty<String> action() {
        return action;
    }

    public StringProperty entityType() {
        return entityType;
    }

    public StringProperty entityId() {
        return entityId;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }
}
