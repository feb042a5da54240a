package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/**
 * Departure check-in, keyboard only: the search field keeps the focus; ↑/↓ choose a passenger,
 * Enter boards them (with the seat typed in the seat field), Ctrl+N records a no-show (type the
 * reason, Enter), Ctrl+U undoes a boarding, Ctrl+P prints the manifest again, Ctrl+D departs.
 */
final class CheckInView {
    private CheckInView() {
    }

    static Node create(CheckInViewModel vm, ManifestEditorViewModel editor, Messages m, Runnable back) {
        Button backButton = new Button(m.get("checkIn.back"));
        backButton.setId("backToManifest");
        backButton.setOnAction(e -> back.run());
        WrappedText title = new WrappedText();
        title.getStyleClass().add("title-4");
        vm.manifest().addListener((o, a, x) -> title.setText(x == null ? "" : MovementText.title(m, editor.reference(), x)));
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label();
        counts.setId("checkInCounts");
        counts.getStyleClass().add("title-3");
        counts.textProperty().bind(Bindings.createStringBinding(() -> m.get("checkIn.counts", vm.waiting().get(),
                vm.boarded().get(), vm.noShows().get()), vm.waiting(), vm.boarded(), vm.noShows()));
        HBox head = new HBox(10, backButton, title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, head, counts);

        TextField search = new TextField();
        search.setId("checkInSearch");
        search.setPromptText(m.get("checkIn.searchPrompt"));
        search.textProperty().bindBidirectional(vm.query());
        HBox.setHgrow(search, Priority.ALWAYS);
        TextField seat = new TextField();
        seat.setId("seat");
        seat.setPromptText(m.get("checkIn.seat"));
        seat.setPrefWidth(90);
        seat.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        seat.textProperty().bindBidirectional(vm.seat());
        TextField reason = new TextField();
        reason.setId("noShowReason");
        reason.setPromptText(m.get("checkIn.noShowReason"));
        show(reason, false);

        TableView<ManifestPassenger> table = new TableView<>(vm.shown());
        table.setId("checkInTable");
        table.setFixedCellSize(26);
        table.setFocusTraversable(false);
        table.getColumns().setAll(
                BoardView.column(m, "checkIn.col.status", p -> m.label(p.status()), 100),
                BoardView.column(m, "manifest.col.name", ManifestPassenger::latinName, 240),
                BoardView.column(m, "manifest.col.original", ManifestPassenger::originalName, 160),
                BoardView.column(m, "manifest.col.sexAge", p -> m.label(p.sex()) + (p.age() < 0 ? "" : ", " + p.age()), 90),
                BoardView.column(m, "manifest.col.document", p -> p.documentNumber() == null ? "" : p.documentNumber(), 120),
                BoardView.column(m, "checkIn.seat", p -> p.seat() == null ? "" : p.seat(), 60),
                BoardView.column(m, "manifest.col.services", p -> p.services().stream().sorted().map(Enum::name)
                        .collect(Collectors.joining(" ")), 100));
        // after each boarding or no-show the next passenger still waiting is ready for Enter
        vm.shown().addListener((javafx.collections.ListChangeListener<ManifestPassenger>) c -> nextWaiting(table));

        Button board = new Button(m.get("checkIn.board"));
        board.setId("board");
        board.getStyleClass().add("accent");
        board.setOnAction(e -> vm.board(table.getSelectionModel().getSelectedItem()));
        Button noShow = new Button(m.get("checkIn.markNoShow"));
        noShow.setId("noShow");
        noShow.setOnAction(e -> askReason(reason));
        Button undo = new Button(m.get("checkIn.undo"));
        undo.setId("unboard");
        undo.setOnAction(e -> vm.unboard(table.getSelectionModel().getSelectedItem()));
        Button print = new Button(m.get("checkIn.printAgain"));
        print.setId("printAgain");
        print.setOnAction(e -> editor.print());
        editor.manifest().addListener((o, a, x) -> vm.refreshManifest());
        Button depart = new Button(m.get("checkIn.depart"));
        depart.setId("depart");
        depart.getStyleClass().add("danger");
        depart.setOnAction(e -> vm.depart(() -> { }));
        vm.manifest().addListener((o, a, x) -> {
            boolean open = x != null && x.isOpen();
            board.setDisable(!open);
            noShow.setDisable(!open);
            undo.setDisable(!open);
            depart.setDisable(!open);
            print.setText(m.get(x != null && x.status() == ManifestStatus.DRAFT ? "checkIn.printNeeded" : "checkIn.printAgain"));
        });

        reason.setOnAction(e -> {
            ManifestPassenger p = table.getSelectionModel().getSelectedItem();
            if (p != null && !reason.getText().isBlank()) {
                vm.noShow(p, reason.getText());
            }
            reason.clear();
            show(reason, false);
            search.requestFocus();
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case DOWN -> move(table, 1);
                case UP -> move(table, -1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        search.setOnAction(e -> vm.board(table.getSelectionModel().getSelectedItem()));
        seat.setOnAction(e -> {
            vm.board(table.getSelectionModel().getSelectedItem());
            search.requestFocus();
        });

        WrappedText status = new WrappedText();
        status.setId("checkInStatus");
        status.textProperty().bind(Bindings.when(vm.status().isEmpty()).then(editor.status()).otherwise(vm.status()));
        Label keys = Views.label(m, "checkIn.keys", "text-muted");
        HBox entry = new HBox(8, search, seat, reason);
        entry.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, board, noShow, undo, print, depart);
        VBox box = new VBox(8, top, entry, table, buttons, status, keys);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        BorderPane root = new BorderPane(box);
        root.setId("checkIn");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                if (e.getCode() == KeyCode.ESCAPE && reason.isVisible()) {
                    show(reason, false);
                    search.requestFocus();
                    e.consume();
                }
                return;
            }
            switch (e.getCode()) {
                case N -> askReason(reason);
                case U -> vm.unboard(table.getSelectionModel().getSelectedItem());
                case P -> editor.print();
                case D -> vm.depart(() -> { });
                default -> {
                    return;
                }
            }
            e.consume();
        });
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(search::requestFocus);
            }
        });
        return root;
    }

    private static void askReason(TextField reason) {
        show(reason, true);
        reason.requestFocus();
    }

    private static void nextWaiting(TableView<ManifestPassenger> table) {
        ManifestPassenger selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.status() == PassengerStatus.LISTED) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).status() == PassengerStatus.LISTED) {
                table.getSelectionModel().select(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
        if (selected == null && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private static void move(TableView<ManifestPassenger> table, int step) {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int i = Math.max(0, Math.min(size - 1, table.getSelectionModel().getSelectedIndex() + step));
        table.getSelectionModel().select(i);
        table.scrollTo(Math.max(0, i - 3));
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
