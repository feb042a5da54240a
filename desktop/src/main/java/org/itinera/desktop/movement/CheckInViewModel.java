package org.itinera.desktop.movement;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.itinera.core.casefile.NameFolding;
import org.itinera.core.movement.DepartureService;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * Check-in on the day, made for the keyboard: type part of a name, document number or seat, press
 * Enter to board the passenger found (each is checked again first), or record a no-show with its
 * reason; the head count is always in view; depart when everyone is checked in.
 */
public final class CheckInViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObjectProperty<Manifest> manifest = new SimpleObjectProperty<>();
    private final ObservableList<ManifestPassenger> all = FXCollections.observableArrayList();
    private final FilteredList<ManifestPassenger> shown = new FilteredList<>(all, p -> true);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty seat = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final IntegerProperty boarded = new SimpleIntegerProperty();
    private final IntegerProperty noShows = new SimpleIntegerProperty();

    public CheckInViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        query.addListener((o, a, b) -> filter());
    }

    public void load(String manifestId) {
        executor.execute(BackgroundTask.of("check-in list", p -> ws.manifests().review(ws.actor(), manifestId))
                .onSuccess(r -> {
                    manifest.set(r.manifest());
                    all.setAll(r.passengers().stream().filter(x -> x.status() != PassengerStatus.REMOVED).toList());
                    count();
                })
                .onFailure(this::failed));
    }

    /** Shows the passengers whose name, original-script name, document number or seat contain every word typed. */
    private void filter() {
        String[] words = NameFolding.fold(query.get() == null ? "" : query.get()).split(" ");
        shown.setPredicate(p -> {
            String hay = NameFolding.fold(p.familyName() + " " + p.givenNames() + " " + p.originalName() + " "
                    + (p.documentNumber() == null ? "" : p.documentNumber()) + " " + (p.seat() == null ? "" : p.seat()));
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Boards a passenger (with the seat typed, if any), after the gate checks them again. */
    public void board(ManifestPassenger p) {
        if (p == null || p.status() != PassengerStatus.LISTED) {
            status.set(p == null ? "" : messages.get("checkIn.already", p.latinName(), messages.label(p.status())));
            return;
        }
        String m = manifest.get().id();
        String s = seat.get();
        executor.execute(BackgroundTask.of("board", t -> ws.departures().board(ws.actor(), m, p.movementId(), s))
                .onSuccess(c -> {
                    replace(p, PassengerStatus.BOARDED, s == null || s.isBlank() ? p.seat() : s.strip().toUpperCase(java.util.Locale.ROOT));
                    status.set(messages.get("checkIn.boarded", p.latinName()));
                    seat.set("");
                    query.set("");
                })
                .onFailure(this::failed));
    }

    public void noShow(ManifestPassenger p, String reason) {
        String m = manifest.get().id();
        executor.execute(BackgroundTask.of("no-show", t -> {
                    ws.departures().noShow(ws.actor(), m, p.movementId(), reason);
                    return ws.manifests().find(ws.actor(), m).orElseThrow();
                })
                .onSuccess(x -> {
                    replace(p, PassengerStatus.NO_SHOW, p.seat());
                    status.set(messages.get("checkIn.noShow", p.latinName()));
                    query.set("");
                    manifest.set(x);
                })
                .onFailure(this::failed));
    }

    /** Undoes a boarding recorded by mistake. */
    public void unboard(ManifestPassenger p) {
        if (p == null || p.status() != PassengerStatus.BOARDED) {
            return;
        }
        String m = manifest.get().id();
        executor.execute(BackgroundTask.of("unboard", t -> {
                    ws.departures().unboard(ws.actor(), m, p.movementId());
                    return m;
                })
                .onSuccess(x -> {
                    replace(p, PassengerStatus.LISTED, p.seat());
                    status.set(messages.get("checkIn.unboarded", p.latinName()));
                })
                .onFailure(this::failed));
    }

    /** Closes check-in and records the departure with its head count. */
    public void depart(Runnable onDeparted) {
        String m = manifest.get().id();
        record Departed(DepartureService.HeadCount count, Manifest manifest) {
        }
        executor.execute(BackgroundTask.<Departed>of("depart", t -> new Departed(ws.departures().depart(ws.actor(), m),
                        ws.manifests().find(ws.actor(), m).orElseThrow()))
                .onSuccess(d -> {
                    status.set(messages.get("checkIn.departed", d.count().boarded(), d.count().noShows()));
                    manifest.set(d.manifest());
                    onDeparted.run();
                })
                .onFailure(this::failed));
    }

    /** The manifest may have been printed again meanwhile. */
    public void refreshManifest() {
        if (manifest.get() != null) {
            String m = manifest.get().id();
            executor.execute(BackgroundTask.of("manifest", t -> ws.manifests().find(ws.actor(), m))
                    .onSuccess(x -> x.ifPresent(manifest::set)));
        }
    }

    private void replace(ManifestPassenger p, PassengerStatus s, String newSeat) {
        int i = all.indexOf(p);
        ManifestPassenger updated = new ManifestPassenger(p.id(), p.movementId(), p.personId(), p.householdId(), p.familyName(),
                p.givenNames(), p.originalName(), p.sex(), p.age(), p.nationality(), p.documentType(), p.documentNumber(),
                p.services(), p.escortName(), newSeat, p.baggagePieces(), p.baggageKg(), p.bookingReference(), s, p.reason());
        if (i >= 0) {
            all.set(i, updated);
        }
        count();
    }

    private void count() {
        waiting.set((int) all.stream().filter(p -> p.status() == PassengerStatus.LISTED).count());
        boarded.set((int) all.stream().filter(p -> p.status() == PassengerStatus.BOARDED).count());
        noShows.set((int) all.stream().filter(p -> p.status() == PassengerStatus.NO_SHOW).count());
    }

    private void failed(Throwable e) {
        status.set(new ErrorMessages(messages).describe(e));
    }

    public ObjectProperty<Manifest> manifest() {
        return manifest;
    }

    public List<ManifestPassenger> all() {
        return all;
    }

    public FilteredList<ManifestPassenger> shown() {
        return shown;
    }

    public StringProperty query() {
        return query;
    }

    public StringProperty seat() {
        return seat;
    }

    public StringProperty status() {
        return status;
    }

    public IntegerProperty waiting() {
        return waiting;
    }

    public IntegerProperty boarded() {
        return boarded;
    }

    public IntegerProperty noShows() {
        return noShows;
    }
}
