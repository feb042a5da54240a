package org.itinera.desktop.movement;

import java.util.function.Consumer;
import org.itinera.core.movement.EscortDraft;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;

/** What the fix dialogs save, in the background: a travel document, a consent, an escort. */
final class FixActions {
    private final Workspace ws;
    private final TaskExecutor executor;

    FixActions(Workspace ws, TaskExecutor executor) {
        this.ws = ws;
        this.executor = executor;
    }

    void recordDocument(String personId, TravelDocument d, Runnable done, Consumer<Throwable> failed) {
        run("record document", () -> ws.movements().recordTravelDocument(ws.actor(), personId, d), done, failed);
    }

    void recordConsent(String personId, TravelConsent c, Runnable done, Consumer<Throwable> failed) {
        run("record consent", () -> ws.movements().recordTravelConsent(ws.actor(), personId, c), done, failed);
    }

    /** Adds an escort to the booking the passenger travels on. */
    void addEscort(String movementId, EscortDraft e, Runnable done, Consumer<Throwable> failed) {
        run("add escort", () -> {
            String booking = ws.bookings().bookingOf(ws.actor(), movementId).orElseThrow().id();
            ws.bookings().addEscort(ws.actor(), booking, e);
        }, done, failed);
    }

    private void run(String name, Runnable work, Runnable done, Consumer<Throwable> failed) {
        executor.execute(BackgroundTask.of(name, p -> {
                    work.run();
                    return name;
                })
                .onSuccess(x -> done.run())
                .onFailure(failed::accept));
    }
}
