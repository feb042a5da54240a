package org.itinera.desktop.movement;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.movement.GateRefusedException;
import org.itinera.core.movement.MovementEvent;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementWorkflow;
import org.itinera.core.movement.Traveller;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.Task;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * Travellers on their way, before a departure: find them by name and step, record a step for a
 * traveller or a whole household at once (eligibility checked, documents ready, fit to travel,
 * cancelled with a reason), take them off their booking, and see each movement's history.
 */
public final class TravellersViewModel {
    static final int LIMIT = 300;
    /** The steps before a departure, where the officer's work is. */
    static final Set<MovementStatus> UNDER_WAY = EnumSet.of(MovementStatus.REQUESTED, MovementStatus.ELIGIBILITY_CHECKED,
            MovementStatus.DOCUMENTS_READY, MovementStatus.BOOKED, MovementStatus.FIT_TO_TRAVEL, MovementStatus.NO_SHOW);

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final StringProperty query = new SimpleStringProperty("");
    /** The step to list, or null for every step before departure. */
    private final ObjectProperty<MovementStatus> step = new SimpleObjectProperty<>();
    private final ObservableList<Traveller> travellers = FXCollections.observableArrayList();
    private final ObservableList<MovementEvent> history = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final FixActions fixes;
    private int generation;

    public TravellersViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.fixes = new FixActions(ws, executor);
    }

    public void recordDocument(String personId, TravelDocument d, Runnable onDone, Consumer<Throwable> onFailed) {
        fixes.recordDocument(personId, d, () -> {
            onDone.run();
            search(messages.get("travellers.documentRecorded"));
        }, onFailed);
    }

    public void recordConsent(String personId, TravelConsent c, Runnable onDone, Consumer<Throwable> onFailed) {
        fixes.recordConsent(personId, c, () -> {
            onDone.run();
            search(messages.get("travellers.consentRecorded"));
        }, onFailed);
    }

    public void search() {
        search(null);
    }

    /** Lists the travellers again; {@code done} (what the last action did) is shown instead of the count. */
    private void search(String done) {
        String q = query.get();
        Set<MovementStatus> statuses = step.get() == null ? UNDER_WAY : EnumSet.of(step.get());
        int g = ++generation;
        executor.execute(BackgroundTask.<List<Traveller>>of("travellers", p -> ws.movements().search(ws.actor(), q, statuses, LIMIT))
                .onSuccess(list -> {
                    if (g == generation) {
                        travellers.setAll(list);
                        status.set(done != null ? done : messages.get("travellers.count", list.size()));
                    }
                })
                .onFailure(this::failed));
    }

    /** The steps the officer can record for every one of the travellers chosen. */
    public Set<MovementStatus> steps(List<Traveller> chosen) {
        Set<MovementStatus> common = EnumSet.allOf(MovementStatus.class);
        for (Traveller t : chosen) {
            common.retainAll(MovementWorkflow.manualTargets(t.status()));
        }
        return chosen.isEmpty() ? Set.of() : common;
    }

    /** Records a step for the travellers chosen, all together; a refusal says who and why. */
    public void record(List<Traveller> chosen, MovementStatus to, String reason) {
        List<String> ids = chosen.stream().map(Traveller::movementId).toList();
        run("record step", () -> ws.movements().transition(ws.actor(), ids, to, reason, null),
                messages.get("travellers.recorded", ids.size(), messages.label(to)));
    }

    /** Takes travellers off the booking they are on (they go back to documents ready). */
    public void takeOffBooking(List<Traveller> chosen) {
        run("take off booking", () -> {
            for (Traveller t : chosen) {
                ws.bookings().bookingOf(ws.actor(), t.movementId())
                        .ifPresent(b -> ws.bookings().removePassenger(ws.actor(), b.id(), t.movementId()));
            }
        }, messages.get("travellers.offBooking", chosen.size()));
    }

    public void showHistory(Traveller t) {
        if (t == null) {
            history.clear();
            return;
        }
        executor.execute(BackgroundTask.<List<MovementEvent>>of("history", p -> ws.movements().history(ws.actor(), t.movementId()))
                .onSuccess(history::setAll)
                .onFailure(this::failed));
    }

    private void run(String name, Runnable work, String done) {
        executor.execute(BackgroundTask.of(name, (Task<Void>) p -> {
                    work.run();
                    return null;
                })
                .onSuccess(x -> search(done))
                .onFailure(this::failed));
    }

    private void failed(Throwable e) {
        String text = new ErrorMessages(messages).describe(e);
        if (e instanceof GateRefusedException g) {
            // who is blocked and why, one after the other
            text += " " + g.blocked().stream().map(c -> c.name() + ": " + c.problems().stream()
                    .map(p -> messages.get(p.message())).collect(Collectors.joining(" "))).collect(Collectors.joining(" · "));
        }
        status.set(text);
    }

    public StringProperty query() {
        return query;
    }

    public ObjectProperty<MovementStatus> step() {
        return step;
    }

    public ObservableList<Traveller> travellers() {
        return travellers;
    }

    public ObservableList<MovementEvent> history() {
        return history;
    }

    public StringProperty status() {
        return status;
    }
}
