package org.itinera.desktop.sync;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.access.Actor;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.task.TaskHandle;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.exchange.ExportService;

/** Export: pick the peer and a folder; progress, cancel, and a summary of each package written. */
public final class ExportViewModel {
    /** A peer to write for. */
    public record PeerChoice(String nodeId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final ExportService export;
    private final Actor actor;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<PeerChoice> peers = FXCollections.observableArrayList();
    private final ObjectProperty<PeerChoice> peer = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private TaskHandle running;

    public ExportViewModel(ExportService export, Actor actor, TaskExecutor executor, Messages messages) {
        this.export = export;
        this.actor = actor;
        this.executor = executor;
        this.messages = messages;
    }

    public ObservableList<PeerChoice> peers() {
        return peers;
    }

    public ObjectProperty<PeerChoice> peer() {
        return peer;
    }

    public StringProperty folder() {
        return folder;
    }

    public ObservableList<String> summary() {
        return summary;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty status() {
        return status;
    }

    public void load() {
        executor.execute(BackgroundTask.of("sync peers", p -> export.exportablePeers(actor))
                .onSuccess(list -> {
                    peers.setAll(list.stream().map(k -> new PeerChoice(k.nodeId(), k.name())).toList());
                    if (peer.get() == null && !peers.isEmpty()) {
                        peer.set(peers.getFirst());
                    }
                    if (peers.isEmpty()) {
                        status.set(messages.get("sync.ui.export.noPeers"));
                    }
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    public void exportNow() {
        if (peer.get() == null || folder.get() == null || folder.get().isBlank()) {
            status.set(messages.get("sync.ui.export.pickBoth"));
            return;
        }
        String to = peer.get().nodeId();
        Path out = Path.of(folder.get().strip());
        busy.set(true);
        progress.set(0);
        summary.clear();
        status.set(messages.get("sync.ui.export.running"));
        running = executor.execute(BackgroundTask.of("sync export", p -> export.export(actor, to, out, p))
                .onProgress(p -> progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total()))
                .onSuccess(r -> {
                    busy.set(false);
                    progress.set(1);
                    for (ExportService.ExportedPackage pkg : r.packages()) {
                        summary.add(messages.get("sync.ui.export.package", pkg.file().getFileName().toString(),
                                pkg.changes(), pkg.attachments(), pkg.bytes() / 1024));
                    }
                    status.set(messages.get("sync.ui.export.done", r.packages().size(), r.changes(), r.peerName()));
                })
                .onCancelled(() -> {
                    busy.set(false);
                    status.set(messages.get("sync.ui.export.cancelled"));
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }
}
