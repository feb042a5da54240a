package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.NumberStringConverter;
import org.itinera.core.movement.Booking;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.SpecialServiceRequest;
import org.itinera.core.movement.Traveller;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.movement.BookingFormViewModel.EscortRow;
import org.itinera.desktop.movement.BookingFormViewModel.PassengerRow;
import org.itinera.desktop.movement.BookingFormViewModel.SegmentRow;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;

/**
 * The booking form. Keyboard: type a name and press Enter to search; Enter on a traveller adds
 * their whole household; legs take IATA codes and local times ("2026-11-26 09:40").
 */
final class BookingFormView {
    private BookingFormView() {
    }

    static Node create(BookingFormViewModel vm, Messages m, Consumer<Booking> onSaved, Runnable onClose) {
        VBox box = new VBox(10, travellers(vm, m), passengers(vm, m), segments(vm, m), escorts(vm, m));
        box.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        followFocus(scroll);
        HBox top = new HBox(16, Views.label(m, "booking.title", "title-3"), header(vm, m));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 0, 12));
        Node bottom = actions(vm, m, onSaved, onClose);
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll, top, null, bottom, null);
        root.setId("bookingForm");
        javafx.scene.layout.BorderPane.setMargin(bottom, new Insets(6, 12, 10, 12));
        return root;
    }

    /** Tabbing through a long form keeps the field being typed in in view. */
    private static void followFocus(ScrollPane scroll) {
        scroll.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            scene.focusOwnerProperty().addListener((x, before, node) -> {
                if (node == null || !isInside(node, scroll.getContent())) {
                    return;
                }
                javafx.geometry.Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                double top = scroll.getVvalue() * (content - view);
                if (content > view && (b.getMinY() < top || b.getMaxY() > top + view)) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - view / 3) / (content - view))));
                }
            });
        });
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    private static Node travellers(BookingFormViewModel vm, Messages m) {
        TextField search = new TextField();
        search.setId("travellerSearch");
        search.setPromptText(m.get("booking.searchPrompt"));
        search.textProperty().bindBidirectional(vm.query());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(m.get("booking.search"));
        find.setId("searchTravellers");
        find.setOnAction(e -> vm.search());
        ListView<Traveller> list = new ListView<>(vm.results());
        list.setId("readyList");
        list.setPrefHeight(170);
        list.setPlaceholder(new Label(m.get("booking.noneReady")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Traveller t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : describe(m, t));
            }
        });
        Button add = new Button(m.get("booking.addTraveller"));
        add.setId("addTraveller");
        add.setOnAction(e -> {
            Traveller t = list.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.add(t);
            }
        });
        Button household = new Button(m.get("booking.addHousehold"));
        household.setId("addHousehold");
        household.setDefaultButton(false);
        household.setOnAction(e -> {
            Traveller t = list.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.addHousehold(t);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                vm.addHousehold(list.getSelectionModel().getSelectedItem());
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        return section(m, "booking.section.travellers", new HBox(8, search, find), list, new HBox(8, household, add));
    }

    static String describe(Messages m, Traveller t) {
        String age = t.age() < 0 ? "" : m.get("booking.age", t.age());
        return t.latinName() + (t.originalName().isEmpty() ? "" : "  " + t.originalName()) + " · " + m.label(t.sex())
                + (age.isEmpty() ? "" : " · " + age) + (t.nationality() == null ? "" : " · " + t.nationality())
                + (t.householdId() == null ? "" : " · " + m.get("booking.inHousehold"));
    }

    /**
     * A line of controls per item of a list, drawn again when the list changes (or when {@code also}
     * does); {@code none} stands in for an empty list.
     */
    private static <T> VBox rows(ObservableList<T> items, BiFunction<T, Integer, Node> row, Node none,
                                 ObservableList<?> also) {
        VBox rows = new VBox(4);
        Runnable redraw = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                rows.getChildren().add(row.apply(items.get(i), i + 1));
            }
            if (items.isEmpty() && none != null) {
                rows.getChildren().add(none);
            }
        };
        items.addListener((ListChangeListener<T>) c -> redraw.run());
        if (also != null) {
            also.addListener((ListChangeListener<Object>) c -> redraw.run());
        }
        redraw.run();
        return rows;
    }

    private static Node passengers(BookingFormViewModel vm, Messages m) {
        VBox rows = rows(vm.passengers(), (p, i) -> passengerRow(vm, m, p),
                Views.label(m, "booking.noPassengers", "text-muted"), null);
        rows.setId("passengers");
        return section(m, "booking.section.passengers", rows, errorLine(vm, "passengers"), errorLine(vm, "seat"),
                errorLine(vm, "baggage"));
    }

    private static Node passengerRow(BookingFormViewModel vm, Messages m, PassengerRow p) {
        Label name = new Label(describe(m, p.traveller()));
        name.setMinWidth(330);
        name.setMaxWidth(330);
        TextField seat = small(m, "booking.seat", 60);
        seat.textProperty().bindBidirectional(p.seat());
        MenuButton services = new MenuButton(m.get("booking.services"));
        for (SpecialServiceRequest s : SpecialServiceRequest.values()) {
            CheckMenuItem item = new CheckMenuItem(s.name() + " · " + m.label(s));
            item.setSelected(p.services().contains(s));
            item.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    p.services().add(s);
                } else {
                    p.services().remove(s);
                }
            });
            services.getItems().add(item);
        }
        services.textProperty().bind(Bindings.createStringBinding(() -> p.services().isEmpty() ? m.get("booking.services")
                : String.join(" ", p.services().stream().sorted().map(Enum::name).toList()), p.services()));
        TextField pieces = small(m, "booking.pieces", 46);
        pieces.textProperty().bindBidirectional(p.pieces, new NumberStringConverter("0"));
        TextField kg = small(m, "booking.kg", 56);
        kg.textProperty().bindBidirectional(p.kg, new NumberStringConverter("0"));
        Button off = new Button(m.get("booking.takeOff"));
        off.setTooltip(new Tooltip(m.get("booking.takeOffHint")));
        off.setOnAction(e -> vm.remove(p));
        HBox row = new HBox(6, name, seat, services, pieces, kg, off);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node segments(BookingFormViewModel vm, Messages m) {
        VBox rows = rows(vm.segments(), (s, seq) -> segmentRow(vm, m, s, seq), null, null);
        Button add = new Button(m.get("booking.addSegment"));
        add.setId("addSegment");
        add.setOnAction(e -> vm.addSegment());
        return section(m, "booking.section.segments", rows, errorLine(vm, "segments"), add,
                Views.label(m, "booking.timesHint", "text-muted"));
    }

    private static Node segmentRow(BookingFormViewModel vm, Messages m, SegmentRow s, int seq) {
        String p = "segment" + seq + "-";
        TextField carrier = bound(small(m, "booking.carrier", 80), p + "carrier", s.carrier());
        TextField number = bound(small(m, "booking.serviceNo", 70), p + "serviceNo", s.serviceNo());
        TextField from = bound(small(m, "booking.from", 60), p + "from", s.from());
        TextField to = bound(small(m, "booking.to", 60), p + "to", s.to());
        TextField departs = bound(small(m, "booking.departs", 140), p + "departs", s.departs());
        TextField arrives = bound(small(m, "booking.arrives", 140), p + "arrives", s.arrives());
        Label fromInfo = info(vm, s.from());
        Label toInfo = info(vm, s.to());
        Button remove = new Button(m.get("booking.removeSegment"));
        remove.setOnAction(e -> vm.removeSegment(s));
        remove.setDisable(seq == 1);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.addRow(0, Views.label(m, "booking.leg", "text-bold"), carrier, number, from, to, departs, arrives, remove);
        grid.add(fromInfo, 3, 1, 2, 1);
        grid.add(toInfo, 5, 1, 3, 1);
        WrappedText error = errorLine(vm, "segment" + seq);
        return new VBox(2, grid, error);
    }

    private static TextField bound(TextField field, String id, javafx.beans.property.StringProperty value) {
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label info(BookingFormViewModel vm, javafx.beans.property.StringProperty code) {
        Label l = new Label();
        l.getStyleClass().add("text-muted");
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.airportInfo(code.get()), code));
        return l;
    }

    private static Node escorts(BookingFormViewModel vm, Messages m) {
        // the passenger an escort accompanies is chosen among those on the booking: redrawn when they change
        VBox rows = rows(vm.escorts(), (e, i) -> escortRow(vm, m, e, i), null, vm.passengers());
        Button add = new Button(m.get("booking.addEscort"));
        add.setId("addEscort");
        add.setOnAction(e -> vm.addEscort());
        return section(m, "booking.section.escorts", rows, add);
    }

    private static Node escortRow(BookingFormViewModel vm, Messages m, EscortRow e, int index) {
        ComboBox<EscortType> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(EscortType.values()));
        type.valueProperty().bindBidirectional(e.type);
        type.setCellFactory(lv -> labelled(m));
        type.setButtonCell(labelled(m));
        TextField name = small(m, "booking.escortName", 220);
        name.textProperty().bindBidirectional(e.name);
        ComboBox<Traveller> escorted = new ComboBox<>();
        escorted.setPromptText(m.get("booking.wholeGroup"));
        escorted.getItems().setAll(vm.passengers().stream().map(PassengerRow::traveller).toList());
        escorted.valueProperty().bindBidirectional(e.escorted);
        escorted.setCellFactory(lv -> travellerCell());
        escorted.setButtonCell(travellerCell());
        Button remove = new Button(m.get("booking.removeEscort"));
        remove.setOnAction(x -> vm.removeEscort(e));
        HBox row = new HBox(6, type, name, escorted, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, errorLine(vm, "escort" + index));
    }

    private static ListCell<EscortType> labelled(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(EscortType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : m.label(t));
            }
        };
    }

    private static ListCell<Traveller> travellerCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Traveller t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.latinName());
            }
        };
    }

    private static Node header(BookingFormViewModel vm, Messages m) {
        FormBuilder form = new FormBuilder(m, vm.errors())
                .text("reference", "booking.reference", vm.reference())
                .choice("status", "booking.status", vm.bookingStatus,
                        Arrays.stream(BookingStatus.values()).filter(s -> s != BookingStatus.CANCELLED).toList(), m::label);
        return form.build();
    }

    private static Node actions(BookingFormViewModel vm, Messages m, Consumer<Booking> onSaved, Runnable onClose) {
        WrappedText summary = new WrappedText();
        summary.setId("bookingSummary");
        summary.getStyleClass().add("field-error");
        summary.textProperty().bind(vm.summary());
        Button save = new Button(m.get("booking.save"));
        save.setId("saveBooking");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.saving().or(Bindings.isEmpty(vm.passengers())));
        save.setOnAction(e -> vm.save(onSaved));
        Button cancel = new Button(m.get("common.close"));
        cancel.setId("closeBooking");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        return new VBox(6, summary, new HBox(8, save, cancel));
    }

    private static Node section(Messages m, String titleKey, Node... content) {
        VBox box = new VBox(6);
        Label title = Views.label(m, titleKey, "title-4");
        box.getChildren().add(title);
        box.getChildren().addAll(content);
        box.getStyleClass().add("movement-section");
        return box;
    }

    private static TextField small(Messages m, String promptKey, double width) {
        TextField tf = new TextField();
        tf.setPromptText(m.get(promptKey));
        tf.setPrefWidth(width);
        tf.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        return tf;
    }

    private static WrappedText errorLine(BookingFormViewModel vm, String field) {
        WrappedText error = new WrappedText();
        error.setId(field + "-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(Bindings.valueAt(vm.errors(), field));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
