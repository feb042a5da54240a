package org.itinera.desktop.sync;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.access.Actor;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.exchange.ConflictService;

/** Conflict review: the open conflicts, both (or all) values with who and when, and keeping one. */
public final class ConflictsViewModel {
    private final ConflictService conflicts;
    private final Actor actor;
    private final TaskExecutor executor;
    private final Messages messages;
    private final SyncLabels labels;
    private final ObservableList<ConflictService.Conflict> open = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictService.Conflict> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public ConflictsViewModel(ConflictService conflicts, Actor actor, TaskExecutor executor, Messages messages) {
        this.conflicts = conflicts;
        this.actor = actor;
        this.executor = executor;
        this.messages = messages;
        this.labels = new SyncLabels(messages);
    }

    public ObservableList<ConflictService.Conflict> open() {
        return open;
    }

    public ObjectProperty<ConflictService.Conflict> selected() {
        return selected;
    }

    public StringProperty status() {
        return status;
    }

    public void load() {
        executor.execute(BackgroundTask.of("sync conflicts", p -> conflicts.open(actor))
                .onSuccess(list -> {
                    open.setAll(list);
                    selected.set(list.isEmpty() ? null : list.getFirst());
                    status.set(list.isEmpty() ? messages.get("sync.ui.conflicts.none")
                            : messages.get("sync.ui.conflicts.count", list.size()));
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    /** How a conflict is named in the list: whose record, which kind of record, which field (in words). */
    public String title(ConflictService.Conflict c) {
        return labels.title(c);
    }

    /**
     * One version of conflict {@code c} as shown: the value (as the rest of the application shows
     * it), who and when, and whether it is the one shown now.
     */
    public String describe(ConflictService.Conflict c, ConflictService.Version v) {
        return messages.get(v.shown() ? "sync.ui.conflicts.versionShown" : "sync.ui.conflicts.version",
                labels.value(c.table(), c.column(), v.text()), labels.isolate(v.nodeName()),
                labels.isolate(PeersViewModel.when(v.writtenAt())));
    }

    /** Keeps version {@code index} of the selected conflict; the choice travels like any edit. */
    public void keep(int index) {
        ConflictService.Conflict c = selected.get();
        if (c == null) {
            return;
        }
        executor.execute(BackgroundTask.<Void>of("resolve conflict", p -> {
                    conflicts.resolve(actor, c.id(), index);
                    return null;
                })
                .onSuccess(v -> {
                    load();
                    status.set(messages.get("sync.ui.conflicts.kept",
                            labels.plain(c.table(), c.column(), c.versions().get(index).text())));
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }
}
