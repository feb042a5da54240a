package org.itinera.desktop.sync;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.access.Actor;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.exchange.PeerService;

/** Peers: per hub or laptop, last package sent and received, gaps, unacknowledged changes, conflicts. */
public final class PeersViewModel {
    /** One peer as shown, one sentence per fact. */
    public record Row(String name, String sent, String received, String gaps, String unacknowledged, String conflicts) {
    }

    private final PeerService peers;
    private final Actor actor;
    private final TaskExecutor executor;
    private final Messages messages;
    private final String fingerprint;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public PeersViewModel(PeerService peers, Actor actor, TaskExecutor executor, Messages messages, String fingerprint) {
        this.peers = peers;
        this.actor = actor;
        this.executor = executor;
        this.messages = messages;
        this.fingerprint = fingerprint;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty status() {
        return status;
    }

    /** This device's fingerprint, to compare with the administrator’s screen when enrolling. */
    public String fingerprint() {
        return messages.get("sync.ui.peers.fingerprint", fingerprint);
    }

    public void load() {
        executor.execute(BackgroundTask.of("sync peer status", p -> peers.peers(actor))
                .onSuccess(list -> {
                    rows.setAll(list.stream().map(this::row).toList());
                    status.set(list.isEmpty() ? messages.get("sync.ui.peers.none") : "");
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    /** An instant to the minute, in UTC (the same on every machine whatever its time zone). */
    static String when(java.time.Instant at) {
        return SyncLabels.when(at);
    }

    private Row row(PeerService.PeerStatus p) {
        return new Row(p.name(),
                p.lastSentSeq() == 0 ? messages.get("sync.ui.peers.neverSent")
                        : messages.get("sync.ui.peers.sent", p.lastSentSeq(), p.lastSentAt().map(PeersViewModel::when).orElse("")),
                p.lastReceivedSeq() == 0 ? messages.get("sync.ui.peers.neverReceived")
                        : messages.get("sync.ui.peers.received", p.lastReceivedSeq(),
                        p.lastReceivedAt().map(PeersViewModel::when).orElse("")),
                p.missing().isEmpty() ? messages.get("sync.ui.peers.noGaps")
                        : messages.get("sync.ui.peers.gaps", p.missing().size(), p.missing().toString()),
                messages.get("sync.ui.peers.unacknowledged", p.unacknowledged()),
                messages.get("sync.ui.peers.conflicts", p.conflicts()));
    }
}
