package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** The movement board: one row per departure, blockers in red; Enter or a double click opens the manifest. */
final class BoardView {
    private BoardView() {
    }

    static Node create(BoardViewModel vm, Messages m, Consumer<Departure> open, Runnable newBooking) {
        Label title = Views.label(m, "board.title", "title-3");
        Button book = new Button(m.get("board.newBooking"));
        book.setId("newBooking");
        book.getStyleClass().add("accent");
        book.setOnAction(e -> newBooking.run());
        Button refresh = new Button(m.get("board.refresh"));
        refresh.setId("refreshBoard");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.loading());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, title, grow, busy, refresh, book);
        bar.setAlignment(Pos.CENTER_LEFT);
        WrappedText status = new WrappedText();
        status.setId("boardStatus");
        status.textProperty().bind(vm.status());

        TableView<Departure> table = new TableView<>(vm.departures());
        table.setId("departureTable");
        table.setFixedCellSize(28);
        table.setPlaceholder(new Label(m.get("board.empty")));
        table.getColumns().setAll(
                column(m, "board.col.departs", d -> MovementText.local(d.departsLocal(), d.zone(), m), 170),
                column(m, "board.col.flight", d -> d.flight().code(), 95),
                column(m, "board.col.from", d -> MovementText.place(vm.reference(), d.flight().from()), 130),
                column(m, "board.col.to", d -> MovementText.place(vm.reference(), d.flight().to()), 140),
                count(m, "board.col.booked", Departure::booked, false),
                count(m, "board.col.listed", Departure::listed, false),
                count(m, "board.col.boarded", Departure::boarded, false),
                count(m, "board.col.blocked", Departure::blocked, true),
                column(m, "board.col.manifest", d -> d.manifest().map(x -> m.label(x.status()) + " · " + x.manifestNo())
                        .orElse(m.get("board.noManifest")), 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the departures of today and later are what the officer works on: show them first
        vm.departures().addListener((javafx.collections.ListChangeListener<Departure>) c -> javafx.application.Platform.runLater(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (!table.getItems().get(i).flight().date().isBefore(LocalDate.now())) {
                    table.getSelectionModel().select(i);
                    table.scrollTo(i);
                    table.requestFocus();
                    return;
                }
            }
        }));
        table.setRowFactory(tv -> {
            TableRow<Departure> row = new TableRow<>() {
                @Override
                protected void updateItem(Departure d, boolean empty) {
                    super.updateItem(d, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("past"),
                            !empty && d != null && d.flight().date().isBefore(LocalDate.now()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = Views.label(m, "board.hint", "text-muted");
        VBox box = new VBox(8, bar, status, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        box.setId("board");
        return box;
    }

    static <T> TableColumn<T, String> column(Messages m, String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue() == null ? "" : value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<Departure, Number> count(Messages m, String key, Function<Departure, Integer> value, boolean alarm) {
        TableColumn<Departure, Number> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyIntegerWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(alarm ? 80 : key.endsWith("listed") ? 100 : 85);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.toString());
                setAlignment(Pos.CENTER_RIGHT);
                getStyleClass().remove("blocked-count");
                if (alarm && !empty && n != null && n.intValue() > 0) {
                    getStyleClass().add("blocked-count");
                }
            }
        });
        return c;
    }
}
