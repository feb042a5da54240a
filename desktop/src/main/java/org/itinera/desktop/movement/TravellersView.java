package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.itinera.core.movement.MovementEvent;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.Traveller;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/**
 * Travellers before departure: a search by name and step, a list where a household is chosen in
 * one go (Shift or Ctrl for several), the steps that can be recorded for everyone chosen, and the
 * history of the one chosen first.
 */
final class TravellersView {
    private TravellersView() {
    }

    static Node create(TravellersViewModel vm, Messages m) {
        ComboBox<MovementStatus> step = new ComboBox<>(FXCollections.observableArrayList());
        step.getItems().add(null);
        step.getItems().addAll(TravellersViewModel.UNDER_WAY);
        step.setId("travellerStep");
        step.valueProperty().bindBidirectional(vm.step());
        step.setCellFactory(lv -> stepCell(m));
        step.setButtonCell(stepCell(m));
        step.setOnAction(e -> vm.search());
        TextField search = new TextField();
        search.setId("travellerQuery");
        search.setPromptText(m.get("booking.searchPrompt"));
        search.textProperty().bindBidirectional(vm.query());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(8, Views.label(m, "travellers.title", "title-3"), step, search);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<Traveller> table = new TableView<>(vm.travellers());
        table.setId("travellerTable");
        table.setFixedCellSize(26);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(m.get("travellers.none")));
        table.getColumns().setAll(
                BoardView.column(m, "manifest.col.name", Traveller::latinName, 200),
                BoardView.column(m, "manifest.col.original", Traveller::originalName, 140),
                BoardView.column(m, "manifest.col.sexAge", t -> m.label(t.sex()) + (t.age() < 0 ? "" : ", " + t.age()), 90),
                BoardView.column(m, "manifest.col.nationality", t -> t.nationality() == null ? "" : t.nationality(), 50),
                BoardView.column(m, "travellers.col.step", t -> m.label(t.status()), 140),
                BoardView.column(m, "travellers.col.destination", t -> t.destinationCountry() == null ? "" : t.destinationCountry(), 90));

        Button eligible = stepButton(m, vm, table, MovementStatus.ELIGIBILITY_CHECKED, "travellers.eligible");
        Button ready = stepButton(m, vm, table, MovementStatus.DOCUMENTS_READY, "travellers.ready");
        Button fit = stepButton(m, vm, table, MovementStatus.FIT_TO_TRAVEL, "travellers.fit");
        Button cancel = new Button(m.get("travellers.cancel"));
        cancel.setId("cancelMovement");
        cancel.setOnAction(e -> {
            TextInputDialog d = new TextInputDialog();
            d.initOwner(cancel.getScene().getWindow());
            d.setTitle(m.get("app.name"));
            d.setHeaderText(m.get("travellers.cancelReason"));
            d.showAndWait().ifPresent(reason -> vm.record(chosen(table), MovementStatus.CANCELLED, reason));
        });
        Button offBooking = new Button(m.get("travellers.offBooking.button"));
        offBooking.setId("takeOffBooking");
        offBooking.setOnAction(e -> vm.takeOffBooking(chosen(table)));
        Button document = new Button(m.get("fix.RECORD_DOCUMENT"));
        document.setOnAction(e -> first(table).ifPresent(t -> FixDialogs.document(document.getScene().getWindow(), m,
                t.latinName(), t.nationality(), (d, done, failed) -> vm.recordDocument(t.personId(), d, done, failed))));
        Button consent = new Button(m.get("fix.RECORD_CONSENT"));
        consent.setOnAction(e -> first(table).ifPresent(t -> FixDialogs.consent(consent.getScene().getWindow(), m,
                t.latinName(), (c, done, failed) -> vm.recordConsent(t.personId(), c, done, failed))));
        Runnable enable = () -> {
            List<Traveller> chosen = chosen(table);
            Set<MovementStatus> steps = vm.steps(chosen);
            eligible.setDisable(!steps.contains(MovementStatus.ELIGIBILITY_CHECKED));
            ready.setDisable(!steps.contains(MovementStatus.DOCUMENTS_READY));
            fit.setDisable(!steps.contains(MovementStatus.FIT_TO_TRAVEL));
            cancel.setDisable(!steps.contains(MovementStatus.CANCELLED));
            offBooking.setDisable(chosen.isEmpty() || chosen.stream().anyMatch(t -> t.status() != MovementStatus.BOOKED
                    && t.status() != MovementStatus.FIT_TO_TRAVEL));
            document.setDisable(chosen.size() != 1);
            consent.setDisable(chosen.size() != 1);
            vm.showHistory(chosen.isEmpty() ? null : chosen.getFirst());
        };
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Traveller>) c -> enable.run());
        enable.run();
        FlowPane actions = new FlowPane(8, 6, eligible, ready, fit, cancel, offBooking, document, consent);

        ListView<MovementEvent> history = new ListView<>(vm.history());
        history.setId("movementHistory");
        WrappedText noHistory = new WrappedText(m.get("travellers.noHistory"));
        noHistory.setPadding(new Insets(8));
        history.setPlaceholder(noHistory);
        history.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(MovementEvent ev, boolean empty) {
                super.updateItem(ev, empty);
                setText(empty || ev == null ? null : describe(m, ev));
                setWrapText(true);
            }
        });
        VBox right = new VBox(6, Views.label(m, "travellers.history", "title-4"), history);
        VBox.setVgrow(history, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));
        VBox left = new VBox(8, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.68);
        WrappedText status = new WrappedText();
        status.setId("travellersStatus");
        status.textProperty().bind(vm.status());
        VBox box = new VBox(8, bar, split, status);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        box.setId("travellers");
        return box;
    }

    static String describe(Messages m, MovementEvent ev) {
        String when = MovementText.WHEN.format(ev.occurredAt().atZone(java.time.ZoneId.systemDefault()));
        String what = ev.to() != null ? (ev.from() == null ? "" : m.label(ev.from()) + " → ") + m.label(ev.to())
                : m.label(ev.type());
        return when + " · " + what + (ev.place() == null ? "" : " · " + ev.place())
                + (ev.reason() == null ? "" : " · " + ev.reason());
    }

    private static Button stepButton(Messages m, TravellersViewModel vm, TableView<Traveller> table, MovementStatus to,
                                     String key) {
        Button b = new Button(m.get(key));
        b.setId("step-" + to.name());
        b.setOnAction(e -> vm.record(chosen(table), to, null));
        return b;
    }

    private static List<Traveller> chosen(TableView<Traveller> table) {
        return new ArrayList<>(table.getSelectionModel().getSelectedItems());
    }

    private static java.util.Optional<Traveller> first(TableView<Traveller> table) {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private static ListCell<MovementStatus> stepCell(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(MovementStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? m.get("travellers.allSteps") : m.label(s));
            }
        };
    }
}
