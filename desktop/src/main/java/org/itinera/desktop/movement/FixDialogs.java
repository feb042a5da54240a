package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.itinera.core.movement.EscortDraft;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FormBuilder;

/**
 * The small forms behind the "fix" buttons of a blocked passenger: record a travel document,
 * record consent to travel, add an escort. The form stays open, with what was typed, until the
 * service has saved it; its refusals show next to the fields. Dates are typed as 2026-11-26.
 */
final class FixDialogs {
    /** Saves a value in the background, then calls {@code done}, or {@code failed} with the reason. */
    interface Submit<T> {
        void run(T value, Runnable done, Consumer<Throwable> failed);
    }

    private FixDialogs() {
    }

    static void document(Window owner, Messages m, String passenger, String nationality, Submit<TravelDocument> submit) {
        ObjectProperty<String> type = new SimpleObjectProperty<>("LAISSEZ_PASSER");
        StringProperty number = new SimpleStringProperty("");
        StringProperty country = new SimpleStringProperty(nationality == null ? "" : nationality);
        StringProperty issued = new SimpleStringProperty(LocalDate.now().toString());
        StringProperty expires = new SimpleStringProperty("");
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormBuilder form = new FormBuilder(m, errors)
                .choice("type", "fix.document.type", type, List.copyOf(new TreeSet<>(TravelDocument.TYPES)),
                        t -> m.get("fix.document.type." + t))
                .text("number", "fix.document.number", number)
                .text("issuingCountry", "fix.document.country", country)
                .text("issuedOn", "fix.document.issued", issued)
                .text("expiresOn", "fix.document.expires", expires);
        show(owner, m, m.get("fix.document.title", passenger), form, errors, () -> {
            Optional<LocalDate> from = date(issued.get());
            Optional<LocalDate> until = date(expires.get());
            from.ifPresentOrElse(x -> { }, () -> errors.put("issuedOn", m.get("fix.dateFormat")));
            until.ifPresentOrElse(x -> { }, () -> errors.put("expiresOn", m.get("fix.dateFormat")));
            return from.isEmpty() || until.isEmpty() ? Optional.empty()
                    : Optional.of(new TravelDocument(type.get(), number.get(), country.get().strip().toUpperCase(Locale.ROOT),
                            from.get(), until.get()));
        }, submit);
    }

    static void consent(Window owner, Messages m, String passenger, Submit<TravelConsent> submit) {
        ObjectProperty<TravelConsent.Method> method = new SimpleObjectProperty<>(TravelConsent.Method.SIGNED);
        StringProperty given = new SimpleStringProperty(LocalDate.now().toString());
        StringProperty proxy = new SimpleStringProperty("");
        StringProperty relationship = new SimpleStringProperty("");
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormBuilder form = new FormBuilder(m, errors)
                .choice("method", "fix.consent.method", method, List.of(TravelConsent.Method.values()),
                        x -> m.get("fix.consent.method." + x.name()))
                .text("givenOn", "fix.consent.given", given)
                .text("proxyName", "fix.consent.proxyName", proxy)
                .text("proxyRelationship", "fix.consent.proxyRelationship", relationship);
        show(owner, m, m.get("fix.consent.title", passenger), form, errors, () -> {
            Optional<LocalDate> on = date(given.get());
            if (on.isEmpty()) {
                errors.put("givenOn", m.get("fix.dateFormat"));
                return Optional.empty();
            }
            return Optional.of(new TravelConsent(method.get(), on.get(), null, blank(proxy.get()), blank(relationship.get())));
        }, submit);
    }

    static void escort(Window owner, Messages m, String passenger, String movementId, boolean medical, Submit<EscortDraft> submit) {
        ObjectProperty<EscortType> type = new SimpleObjectProperty<>(medical ? EscortType.MEDICAL : EscortType.OPERATIONAL);
        StringProperty name = new SimpleStringProperty("");
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormBuilder form = new FormBuilder(m, errors)
                .choice("escortType", "fix.escort.type", type, List.of(EscortType.values()), m::label)
                .text("escort", "fix.escort.name", name);
        show(owner, m, m.get("fix.escort.title", passenger), form, errors,
                () -> Optional.of(new EscortDraft(type.get(), name.get(), null, movementId)), submit);
    }

    private static <T> void show(Window owner, Messages m, String title, FormBuilder form, ObservableMap<String, String> errors,
                                 Supplier<Optional<T>> read, Submit<T> submit) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("app.name"));
        d.setHeaderText(title);
        WrappedText summary = new WrappedText();
        summary.getStyleClass().add("field-error");
        d.getDialogPane().setContent(new VBox(6, form.build(), summary));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setNodeOrientation(m.rightToLeft()
                ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            // the dialog closes only once the service has saved what was typed
            e.consume();
            errors.clear();
            summary.setText("");
            read.get().ifPresent(value -> {
                ok.setDisable(true);
                submit.run(value, () -> {
                    d.setResult(ButtonType.OK);
                    d.close();
                }, failure -> {
                    ok.setDisable(false);
                    ErrorMessages describe = new ErrorMessages(m);
                    describe.putFieldErrors(failure, errors);
                    summary.setText(describe.describe(failure));
                });
            });
        });
        d.show();
    }

    static Optional<LocalDate> date(String s) {
        try {
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(s.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
