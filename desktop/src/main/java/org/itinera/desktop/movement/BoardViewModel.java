package org.itinera.desktop.movement;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The movement board: departures from three days ago (arrivals still to record) to three weeks
 * ahead, each with travellers booked, on the manifest, boarded, and how many the gate blocks.
 */
public final class BoardViewModel {
    static final int DAYS_BACK = 3;
    static final int DAYS_AHEAD = 21;

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<Departure> departures = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public BoardViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
    }

    public void refresh() {
        loading.set(true);
        LocalDate today = LocalDate.now(ws.clock());
        executor.execute(BackgroundTask.<List<Departure>>of("movement board",
                        p -> ws.departures().board(ws.actor(), today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD)))
                .onSuccess(list -> {
                    loading.set(false);
                    departures.setAll(list);
                    int blocked = list.stream().filter(d -> !d.flight().date().isBefore(today)).mapToInt(Departure::blocked).sum();
                    status.set(messages.get("board.summary", list.size(), blocked));
                })
                .onFailure(e -> {
                    loading.set(false);
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public org.itinera.core.reference.ReferenceData reference() {
        return ws.reference();
    }

    public ObservableList<Departure> departures() {
        return departures;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty loading() {
        return loading;
    }
}
