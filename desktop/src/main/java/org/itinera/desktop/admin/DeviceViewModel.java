package org.itinera.desktop.admin;

import java.util.Base64;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.itinera.core.recovery.RecoveryService;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;
import org.itinera.sync.recovery.RecoveryExchangeService;

/** This laptop: the idle lock delay, and the hub keys that make account recovery possible. */
public final class DeviceViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    final StringProperty idleMinutes = new SimpleStringProperty("");
    final StringProperty hubSigningKey = new SimpleStringProperty("");
    final StringProperty hubEscrowKey = new SimpleStringProperty("");
    private final StringProperty recovery = new SimpleStringProperty("");
    private final StringProperty hubRecovery = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty();
    private final java.util.function.Supplier<RecoveryExchangeService> exchange;
    private boolean delivered;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    /** {@code exchange}: account recovery through sync packages (built with the sync pieces, off the FX thread). */
    public DeviceViewModel(Workspace ws, TaskExecutor executor, Messages messages,
                           java.util.function.Supplier<RecoveryExchangeService> exchange) {
        this.exchange = exchange;
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
    }

    public void load() {
        executor.execute(BackgroundTask.of("laptop settings", p -> new Object[] {ws.settings().idleLockMinutes(),
                        ws.recovery().status(ws.actor()), exchange.get().status(ws.actor())})
                .onSuccess(r -> {
                    idleMinutes.set(Integer.toString((Integer) r[0]));
                    showHub((RecoveryExchangeService.LaptopStatus) r[2]);
                    show((RecoveryService.Status) r[1]);
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    private void show(RecoveryService.Status s) {
        // the sealed key stays kept after it left; once the hub confirmed it, say so rather than "waiting"
        String escrow = delivered ? "device.escrowDelivered" : s.escrowWaiting() ? "device.escrowWaiting" : "device.escrowNone";
        recovery.set(s.enrolled() ? messages.get("device.recoveryOn", s.hubKeyFingerprint().orElse("?"),
                messages.get(escrow)) : messages.get("device.recoveryOff"));
    }

    private void showHub(RecoveryExchangeService.LaptopStatus s) {
        delivered = s.delivered();
        hubRecovery.set(s.enrolled() && s.hubNodeId().isPresent()
                ? messages.get("device.hubEnrolled", s.hubName().orElse(s.hubNodeId().get()),
                        messages.get(s.delivered() ? "device.escrowDelivered" : "device.escrowPending"))
                : messages.get("device.hubNotEnrolled"));
    }

    /** Enrols with the hub of the trust bundle: its device keys become the recovery keys. */
    public void enrolWithHub() {
        errors.clear();
        busy.set(true);
        executor.execute(BackgroundTask.of("recovery enrolment with the hub", p -> {
                    RecoveryExchangeService.LaptopStatus s = exchange.get().enrol(ws.actor(), java.util.Optional.empty());
                    return new Object[] {s, ws.recovery().status(ws.actor())};
                })
                .onSuccess(r -> {
                    busy.set(false);
                    RecoveryExchangeService.LaptopStatus s = (RecoveryExchangeService.LaptopStatus) r[0];
                    showHub(s);
                    show((RecoveryService.Status) r[1]);
                    status.set(messages.get("device.hubEnrolDone", s.hubName().orElse("?")));
                })
                .onFailure(e -> {
                    busy.set(false);
                    failed(e);
                }));
    }

    public StringProperty hubRecovery() {
        return hubRecovery;
    }

    public javafx.beans.property.BooleanProperty busy() {
        return busy;
    }

    public void saveIdle() {
        errors.clear();
        int minutes;
        try {
            minutes = Integer.parseInt(idleMinutes.get().strip());
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        int m = minutes;
        executor.execute(BackgroundTask.<Void>of("idle minutes", p -> {
                    ws.settings().setIdleLockMinutes(ws.actor(), m);
                    return null;
                })
                .onSuccess(v -> status.set(messages.get("device.idleSaved", m)))
                .onFailure(this::failed));
    }

    public void enrol() {
        errors.clear();
        byte[] signing;
        byte[] escrow;
        try {
            signing = Base64.getDecoder().decode(hubSigningKey.get().strip());
            escrow = Base64.getDecoder().decode(hubEscrowKey.get().strip());
        } catch (IllegalArgumentException e) {
            errors.put("hubSigningKey", messages.get("device.error.key"));
            return;
        }
        executor.execute(BackgroundTask.of("recovery enrolment", p -> ws.recovery().enrol(ws.actor(), signing, escrow))
                .onSuccess(s -> {
                    delivered = false;
                    show(s);
                    status.set(messages.get("device.enrolled"));
                })
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) {
                        errors.put("hubSigningKey", messages.get("device.error.key"));
                    } else {
                        failed(e);
                    }
                }));
    }

    private void failed(Throwable e) {
        FieldErrors.show(e, errors, messages);
        status.set(new ErrorMessages(messages).describe(e));
    }

    public StringProperty recovery() {
        return recovery;
    }

    public StringProperty status() {
        return status;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty idleMinutes() {
        return idleMinutes;
    }
}
