package org.itinera.desktop.movement;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/**
 * The movements area: the board of departures, from which the officer opens a departure's manifest
 * (and its check-in), or starts a new booking. One view at a time, with a way back to the board.
 */
public final class MovementScreen {
    private final AppContext context;
    private final Workspace ws;
    private final Messages m;
    private final StackPane content = new StackPane();
    private final BoardViewModel board;
    private Node boardView;

    private MovementScreen(AppContext context) {
        this.context = context;
        this.ws = context.workspace();
        this.m = context.messages();
        this.board = new BoardViewModel(ws, context.executor(), m);
    }

    public static Node create(AppContext context) {
        return new MovementScreen(context).build();
    }

    private Node build() {
        BorderPane root = new BorderPane(content);
        root.setId("movement");
        javafx.scene.control.ToggleGroup views = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton departures = new javafx.scene.control.ToggleButton(m.get("movement.view.departures"));
        departures.setId("showDepartures");
        departures.setToggleGroup(views);
        departures.setSelected(true);
        departures.setOnAction(e -> {
            departures.setSelected(true);
            showBoard();
        });
        javafx.scene.control.ToggleButton travellers = new javafx.scene.control.ToggleButton(m.get("movement.view.travellers"));
        travellers.setId("showTravellers");
        travellers.setToggleGroup(views);
        travellers.setOnAction(e -> {
            travellers.setSelected(true);
            showTravellers();
        });
        javafx.scene.layout.HBox switcher = new javafx.scene.layout.HBox(departures, travellers);
        switcher.getStyleClass().add("segmented");
        switcher.setPadding(new javafx.geometry.Insets(10, 12, 0, 12));
        root.setTop(switcher);
        showBoard();
        return Views.oriented(root, m);
    }

    private void showTravellers() {
        TravellersViewModel vm = new TravellersViewModel(ws, context.executor(), m);
        content.getChildren().setAll(TravellersView.create(vm, m));
        vm.search();
    }

    private void showBoard() {
        if (boardView == null) {
            boardView = BoardView.create(board, m, this::openDeparture, this::newBooking);
        }
        content.getChildren().setAll(boardView);
        board.refresh();
    }

    private void newBooking() {
        BookingFormViewModel vm = new BookingFormViewModel(ws, context.executor(), m);
        content.getChildren().setAll(BookingFormView.create(vm, m, booking -> {
            showBoard();
            board.status().set(m.get("booking.saved", booking.passengers().size(), booking.segments().getFirst().carrier()
                    + " " + booking.segments().getFirst().serviceNo()));
        }, this::showBoard));
        // the travellers ready to book are listed at once; typing a name narrows them
        vm.search();
    }

    private void openDeparture(Departure d) {
        ManifestEditorViewModel vm = new ManifestEditorViewModel(ws, context.executor(), m,
                context.installation().directory().exports());
        showEditor(vm);
        if (d.manifest().isPresent()) {
            vm.load(d.manifest().get().id());
        } else {
            vm.open(d.flight());
        }
    }

    private void showEditor(ManifestEditorViewModel vm) {
        content.getChildren().setAll(ManifestEditorView.create(vm, m, this::showBoard, () -> checkIn(vm)));
    }

    private void checkIn(ManifestEditorViewModel editor) {
        CheckInViewModel vm = new CheckInViewModel(ws, context.executor(), m);
        content.getChildren().setAll(CheckInView.create(vm, editor, m, () -> {
            showEditor(editor);
            editor.load(editor.manifest().get().id());
        }));
        vm.load(editor.manifest().get().id());
    }
}
