package org.itinera.desktop.movement;

import org.itinera.desktop.ui.WrappedText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.itinera.core.movement.GateProblem;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.movement.PassengerCheck;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.movement.TravelFitness;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.movement.ManifestEditorViewModel.Blocker;
import org.itinera.desktop.ui.Views;

/**
 * The manifest editor: passengers on the manifest and travellers booked on the departure, the list
 * of who blocks the manifest and why with a button to fix each, printing and the print preview.
 */
final class ManifestEditorView {
    private ManifestEditorView() {
    }

    static Node create(ManifestEditorViewModel vm, Messages m, Runnable back, Runnable checkIn) {
        BorderPane root = new BorderPane();
        root.setId("manifestEditor");
        root.setTop(toolbar(vm, m, back, checkIn));
        SplitPane split = new SplitPane(lists(vm, m), side(vm, m));
        split.setDividerPositions(0.6);
        root.setCenter(split);
        WrappedText status = new WrappedText();
        status.setId("manifestStatus");
        status.textProperty().bind(vm.status());
        status.setPadding(new Insets(6, 12, 8, 12));
        root.setBottom(status);
        return root;
    }

    private static Node toolbar(ManifestEditorViewModel vm, Messages m, Runnable back, Runnable checkIn) {
        Button backButton = new Button(m.get("manifest.back"));
        backButton.setId("backToBoard");
        backButton.setOnAction(e -> back.run());
        WrappedText title = new WrappedText();
        title.setId("manifestTitle");
        title.getStyleClass().add("title-4");
        vm.manifest().addListener((o, a, x) -> title.setText(x == null ? "" : MovementText.title(m, vm.reference(), x)));
        ComboBox<Locale> language = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Locale.ENGLISH, Locale.FRENCH));
        language.setId("printLanguage");
        language.valueProperty().bindBidirectional(vm.printLanguage());
        language.setCellFactory(lv -> localeCell(m));
        language.setButtonCell(localeCell(m));
        Button print = new Button(m.get("manifest.print"));
        print.setId("printManifest");
        print.getStyleClass().add("accent");
        print.setOnAction(e -> vm.print());
        Button checkInButton = new Button(m.get("manifest.checkIn"));
        checkInButton.setId("openCheckIn");
        checkInButton.setOnAction(e -> checkIn.run());
        Button transit = new Button(m.get("manifest.transit"));
        transit.setId("recordTransit");
        transit.setOnAction(e -> {
            TextInputDialog place = new TextInputDialog();
            place.initOwner(transit.getScene().getWindow());
            place.setTitle(m.get("app.name"));
            place.setHeaderText(m.get("manifest.transitPlace"));
            place.showAndWait().filter(p -> !p.isBlank()).ifPresent(vm::transit);
        });
        Button arrive = new Button(m.get("manifest.arrive"));
        arrive.setId("recordArrival");
        arrive.setOnAction(e -> vm.arrive());
        Button handOver = new Button(m.get("manifest.handOver"));
        handOver.setId("handOver");
        handOver.setOnAction(e -> {
            TextInputDialog note = new TextInputDialog();
            note.initOwner(handOver.getScene().getWindow());
            note.setHeaderText(m.get("manifest.handOverNote"));
            note.showAndWait().ifPresent(vm::handOver);
        });
        vm.manifest().addListener((o, a, x) -> {
            boolean open = x != null && x.isOpen();
            print.setDisable(x == null || x.status() == ManifestStatus.CANCELLED);
            checkInButton.setDisable(!open);
            show(arrive, x != null && x.status() == ManifestStatus.DEPARTED);
            show(transit, x != null && x.status() == ManifestStatus.DEPARTED);
            show(handOver, x != null && x.status() == ManifestStatus.CLOSED);
        });
        show(arrive, false);
        show(transit, false);
        show(handOver, false);
        HBox head = new HBox(10, backButton, title);
        head.setAlignment(Pos.CENTER_LEFT);
        Label printIn = Views.label(m, "manifest.printLanguage", "text-muted");
        printIn.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, printIn, language, print, checkInButton, transit, arrive, handOver);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, head, actions);
        bar.setPadding(new Insets(10, 12, 6, 12));
        return bar;
    }

    private static ListCell<Locale> localeCell(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Locale l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : m.get("manifest.language." + l.getLanguage()));
            }
        };
    }

    private static Node lists(ManifestEditorViewModel vm, Messages m) {
        TableView<ManifestPassenger> listed = new TableView<>(vm.passengers());
        listed.setId("manifestTable");
        listed.setFixedCellSize(26);
        listed.setPlaceholder(new Label(m.get("manifest.noPassengers")));
        listed.getColumns().setAll(
                BoardView.column(m, "manifest.col.name", ManifestPassenger::latinName, 200),
                BoardView.column(m, "manifest.col.original", ManifestPassenger::originalName, 140),
                BoardView.column(m, "manifest.col.sexAge", p -> m.label(p.sex()) + (p.age() < 0 ? "" : ", " + p.age()), 90),
                BoardView.column(m, "manifest.col.nationality", p -> p.nationality() == null ? "" : p.nationality(), 50),
                BoardView.column(m, "manifest.col.document", p -> p.documentNumber() == null ? "" : p.documentNumber(), 110),
                BoardView.column(m, "manifest.col.services", p -> p.services().stream().sorted().map(Enum::name)
                        .collect(Collectors.joining(" ")), 80),
                BoardView.column(m, "manifest.col.status", p -> m.label(p.status()), 90),
                BoardView.column(m, "manifest.col.gate", p -> gate(m, vm.checks().get().get(p.movementId()), p.status()), 260));
        vm.checks().addListener((o, a, b) -> listed.refresh());
        Button remove = new Button(m.get("manifest.remove"));
        remove.setId("removePassenger");
        remove.setOnAction(e -> {
            ManifestPassenger p = listed.getSelectionModel().getSelectedItem();
            if (p != null && p.status() == PassengerStatus.LISTED) {
                reason(remove, m, p.latinName()).ifPresent(r -> vm.remove(p.movementId(), r));
            }
        });

        TableView<PassengerCheck> candidates = new TableView<>(vm.candidates());
        candidates.setId("candidateTable");
        candidates.setFixedCellSize(26);
        candidates.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        candidates.setPlaceholder(new Label(m.get("manifest.noCandidates")));
        candidates.getColumns().setAll(
                BoardView.column(m, "manifest.col.name", PassengerCheck::name, 220),
                BoardView.column(m, "manifest.col.fitness", c -> m.label(c.fitness()), 130),
                BoardView.column(m, "manifest.col.gate", c -> gate(m, c, PassengerStatus.LISTED), 360));
        Button addHousehold = new Button(m.get("manifest.addHousehold"));
        addHousehold.setId("addHousehold");
        addHousehold.getStyleClass().add("accent");
        addHousehold.setOnAction(e -> Optional.ofNullable(candidates.getSelectionModel().getSelectedItem()).ifPresent(vm::addHousehold));
        Button addSelected = new Button(m.get("manifest.addSelected"));
        addSelected.setId("addSelected");
        addSelected.setOnAction(e -> add(vm, candidates, false));
        Button addSplit = new Button(m.get("manifest.addSplit"));
        addSplit.setId("addSplit");
        addSplit.setOnAction(e -> add(vm, candidates, true));
        Button addAll = new Button(m.get("manifest.addAll"));
        addAll.setId("addAll");
        addAll.setOnAction(e -> vm.add(vm.candidates().stream().filter(c -> !c.blocked()).map(PassengerCheck::movementId).toList(), false));
        vm.manifest().addListener((o, a, x) -> {
            boolean open = x != null && x.isOpen();
            List.of(remove, addHousehold, addSelected, addSplit, addAll).forEach(b -> b.setDisable(!open));
        });
        javafx.scene.layout.FlowPane adding = new javafx.scene.layout.FlowPane(8, 6, addHousehold, addSelected, addAll, addSplit);
        VBox box = new VBox(6, Views.label(m, "manifest.onManifest", "title-4"), listed, new HBox(8, remove),
                Views.label(m, "manifest.candidates", "title-4"), candidates, adding);
        VBox.setVgrow(listed, Priority.ALWAYS);
        VBox.setVgrow(candidates, Priority.SOMETIMES);
        box.setPadding(new Insets(6, 6, 6, 12));
        return box;
    }

    private static void add(ManifestEditorViewModel vm, TableView<PassengerCheck> table, boolean split) {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream().map(PassengerCheck::movementId).toList();
        if (!ids.isEmpty()) {
            vm.add(ids, split);
        }
    }

    static String gate(Messages m, PassengerCheck c, PassengerStatus status) {
        if (c == null || status != PassengerStatus.LISTED) {
            return "";
        }
        return c.blocked() ? c.problems().stream().map(p -> m.get(p.message())).collect(Collectors.joining(" "))
                : m.get("manifest.gateOk");
    }

    private static Node side(ManifestEditorViewModel vm, Messages m) {
        ListView<Blocker> blockers = new ListView<>(vm.blockers());
        blockers.setId("blockerList");
        blockers.setPlaceholder(new Label(m.get("manifest.noBlockers")));
        blockers.setCellFactory(lv -> new BlockerCell(vm, m));
        Tab blocked = new Tab();
        blocked.setId("blockersTab");
        blocked.textProperty().bind(Bindings.createStringBinding(() -> m.get("manifest.blockers", vm.blockers().size()), vm.blockers()));
        blocked.setContent(new VBox(6, Views.label(m, "manifest.blockersHint", "text-muted"), blockers));
        VBox.setVgrow(blockers, Priority.ALWAYS);
        Tab preview = new Tab(m.get("manifest.preview"), preview(vm, m));
        preview.setId("previewTab");
        preview.setOnSelectionChanged(e -> {
            if (preview.isSelected() && vm.manifest().get() != null) {
                vm.preview();
            }
        });
        TabPane tabs = new TabPane(blocked, preview);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Node preview(ManifestEditorViewModel vm, Messages m) {
        ImageView image = new ImageView();
        image.setId("previewImage");
        image.setPreserveRatio(true);
        SimpleIntegerProperty page = new SimpleIntegerProperty();
        Label pageLabel = new Label();
        pageLabel.setId("previewPage");
        Runnable show = () -> {
            if (vm.pages().isEmpty()) {
                image.setImage(null);
                pageLabel.setText("");
                return;
            }
            int p = Math.max(0, Math.min(page.get(), vm.pages().size() - 1));
            image.setImage(SwingFXUtils.toFXImage(vm.pages().get(p), null));
            pageLabel.setText(m.get("manifest.page", p + 1, vm.pages().size()));
        };
        vm.pages().addListener((ListChangeListener<Object>) c -> {
            page.set(0);
            show.run();
        });
        Button prev = new Button(m.get("manifest.previousPage"));
        prev.setId("previousPage");
        prev.setOnAction(e -> {
            page.set(Math.max(0, page.get() - 1));
            show.run();
        });
        Button next = new Button(m.get("manifest.nextPage"));
        next.setId("nextPage");
        next.setOnAction(e -> {
            page.set(Math.min(vm.pages().size() - 1, page.get() + 1));
            show.run();
        });
        Button refresh = new Button(m.get("manifest.refreshPreview"));
        refresh.setId("refreshPreview");
        refresh.setOnAction(e -> vm.preview());
        HBox nav = new HBox(8, prev, pageLabel, next, refresh);
        nav.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(image);
        scroll.setFitToWidth(true);
        image.fitWidthProperty().bind(scroll.widthProperty().subtract(20));
        VBox box = new VBox(6, nav, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static Optional<String> reason(Node owner, Messages m, String name) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(m.get("app.name"));
        d.setHeaderText(m.get("manifest.removeReason", name));
        return d.showAndWait();
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /** One blocker: who, why, and the button that fixes it. */
    private static final class BlockerCell extends ListCell<Blocker> {
        private final ManifestEditorViewModel vm;
        private final Messages m;

        BlockerCell(ManifestEditorViewModel vm, Messages m) {
            this.vm = vm;
            this.m = m;
        }

        @Override
        protected void updateItem(Blocker b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label who = new Label(b.check().name() + " · " + m.get(b.listed() ? "manifest.isListed" : "manifest.isBooked"));
            who.getStyleClass().add("text-bold");
            WrappedText why = new WrappedText(b.text());
            why.setMinHeight(Region.USE_PREF_SIZE);
            why.getStyleClass().add("field-error");
            HBox actions = new HBox(6);
            fix(b).ifPresent(actions.getChildren()::add);
            if (b.listed()) {
                Button off = new Button(m.get("manifest.remove"));
                off.setOnAction(e -> reason(off, m, b.check().name()).ifPresent(r -> vm.remove(b.check().movementId(), r)));
                actions.getChildren().add(off);
            }
            VBox box = new VBox(3, who, why, actions);
            // wrap the sentences to the width of the list
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
            box.setMaxWidth(Region.USE_PREF_SIZE);
            setGraphic(box);
        }

        private Optional<Node> fix(Blocker b) {
            PassengerCheck c = b.check();
            GateProblem.Fix fix = b.problem().kind().fix();
            Button button = new Button(m.get("fix." + fix.name()));
            button.getStyleClass().add("fix-" + fix.name());
            switch (fix) {
                case RECORD_DOCUMENT -> button.setOnAction(e -> FixDialogs.document(getScene().getWindow(), m, c.name(), null,
                        (d, done, failed) -> vm.recordDocument(c.personId(), d, done, failed)));
                case RECORD_CONSENT -> button.setOnAction(e -> FixDialogs.consent(getScene().getWindow(), m, c.name(),
                        (x, done, failed) -> vm.recordConsent(c.personId(), x, done, failed)));
                case ADD_ESCORT -> button.setOnAction(e -> FixDialogs.escort(getScene().getWindow(), m, c.name(), c.movementId(),
                        c.fitness() == TravelFitness.FIT_WITH_ESCORT,
                        (x, done, failed) -> vm.addEscort(c.movementId(), x, done, failed)));
                case KEEP_TOGETHER -> button.setOnAction(e -> vm.addHousehold(c));
                case ASK_MEDICAL, BOOK, REMOVE -> {
                    WrappedText hint = new WrappedText(m.get("fix." + fix.name()));
                    hint.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                    hint.setMinHeight(Region.USE_PREF_SIZE);
                    hint.getStyleClass().add("text-muted");
                    return Optional.of(hint);
                }
            }
            return Optional.of(button);
        }
    }
}
