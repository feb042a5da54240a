package org.itinera.desktop.registry;

import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.casefile.HouseholdSummary;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The case registry: search box, persons / households / cases tables (virtualised, paged), and the
 * person form beside the list. Keyboard: type to search, Enter opens the selected person,
 * Ctrl+N starts a new one.
 */
public final class RegistryScreen {
    private final AppContext context;
    private final Workspace ws;
    private final Messages m;
    private final RegistryViewModel vm;
    private final StackPane detail = new StackPane();
    private final SplitPane split = new SplitPane();
    private TableView<PersonSummary> persons;

    private RegistryScreen(AppContext context) {
        this.context = context;
        this.ws = context.workspace();
        this.m = context.messages();
        this.vm = new RegistryViewModel(ws, context.executor(), m);
    }

    public static Node create(AppContext context) {
        return new RegistryScreen(context).build();
    }

    private Node build() {
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText(m.get("registry.searchPrompt"));
        search.textProperty().bindBidirectional(vm.query());
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(Duration.millis(180));
        debounce.setOnFinished(e -> vm.search());
        vm.query().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnAction(e -> vm.search());
        Button newPerson = new Button(m.get("registry.newPerson"));
        newPerson.setId("newPerson");
        newPerson.setOnAction(e -> openForm(Optional.empty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.searching());
        Label status = new Label();
        status.setId("registryStatus");
        status.getStyleClass().add("registry-status");
        status.textProperty().bind(vm.status());
        HBox bar = new HBox(8, search, busy, newPerson);
        bar.setAlignment(Pos.CENTER_LEFT);

        persons = personTable();
        // the other lists are built the first time their tab is chosen
        TabPane tabs = new TabPane(
                tab("registry.tab.persons", () -> persons),
                tab("registry.tab.households", this::householdTable),
                tab("registry.tab.cases", this::caseTable));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("registryTabs");

        VBox left = new VBox(8, bar, status, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        split.getItems().setAll(left);
        BorderPane root = new BorderPane(split);
        root.setId("registry");
        root.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.N) {
                openForm(Optional.empty());
            }
        });
        vm.refresh();
        // keyboard first: the caseworker can type a name as soon as the registry opens
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(search::requestFocus);
            }
        });
        return root;
    }

    private TableView<PersonSummary> personTable() {
        TableView<PersonSummary> table = new TableView<>();
        table.setId("personTable");
        table.setFixedCellSize(28);
        table.getColumns().setAll(
                column("person.name", PersonSummary::latinName, 240),
                column("person.originalName", PersonSummary::originalName, 200),
                column("person.sex", s -> s.sex() == null ? "" : m.label(s.sex()), 80),
                column("person.birthDate", PersonSummary::birth, 110),
                column("person.nationality", s -> s.nationality() == null ? ""
                        : ws.reference().country(s.nationality()).map(c -> c.name(m.locale())).orElse(s.nationality()), 160));
        table.setItems(vm.allPersons());
        vm.showingSearch().addListener((o, a, b) -> table.setItems(b ? vm.searchResults() : vm.allPersons()));
        table.setPlaceholder(new Label(m.get("registry.empty")));
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<PersonSummary> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().id() != null) {
                    open(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            PersonSummary s = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && s != null && s.id() != null) {
                open(s.id());
            }
        });
        return table;
    }

    private TableView<HouseholdSummary> householdTable() {
        TableView<HouseholdSummary> table = new TableView<>(vm.households());
        table.setId("householdTable");
        table.setFixedCellSize(28);
        table.getColumns().setAll(
                column("household.reference", HouseholdSummary::reference, 180),
                column("household.head", HouseholdSummary::headName, 240),
                column("household.members", h -> h.id() == null ? "" : Integer.toString(h.members()), 90));
        return table;
    }

    private TableView<CaseSummary> caseTable() {
        TableView<CaseSummary> table = new TableView<>(vm.cases());
        table.setId("caseTable");
        table.setFixedCellSize(28);
        table.getColumns().setAll(
                column("case.number", CaseSummary::caseNo, 160),
                column("case.type", c -> c.type() == null ? "" : m.label(c.type()), 130),
                column("case.status", c -> c.status() == null ? "" : m.label(c.status()), 110),
                column("case.person", CaseSummary::personName, 220),
                column("case.opened", CaseSummary::openedOn, 110));
        return table;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue() == null ? "" : value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false); // the lists are in name order from the database; sorting a million rows here would not be
        return c;
    }

    private Tab tab(String key, java.util.function.Supplier<Node> content) {
        Tab t = new Tab(m.get(key));
        t.setId(key);
        if (t.isSelected()) {
            t.setContent(content.get());
        }
        t.selectedProperty().addListener((o, was, is) -> {
            if (is && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
        return t;
    }

    private void open(String personId) {
        context.executor().execute(BackgroundTask.<Optional<Person>>of("open person", p -> ws.persons().open(ws.actor(), personId))
                .onSuccess(this::openForm)
                .onFailure(e -> vm.status().set(new ErrorMessages(m).describe(e))));
    }

    private void openForm(Optional<Person> existing) {
        PersonFormViewModel form = new PersonFormViewModel(ws, context.executor(), m, existing);
        Node personForm = PersonFormView.create(form, m, ws.reference(), saved -> {
            vm.status().set(m.get(existing.isPresent() ? "person.updated" : "person.created", saved.details().latinName()));
            vm.refresh();
            if (vm.showingSearch().get()) {
                vm.search();
            }
            closeForm();
        }, this::closeForm);
        detail.getChildren().setAll(existing.map(p -> PersonFile.create(context, p, personForm, () -> {
            vm.refresh();
            if (vm.showingSearch().get()) {
                vm.search();
            }
        })).orElse(personForm));
        if (split.getItems().size() == 1) {
            split.getItems().add(detail);
            split.setDividerPositions(0.55);
        }
    }

    private void closeForm() {
        split.getItems().remove(detail);
        detail.getChildren().clear();
        if (persons != null) {
            persons.requestFocus();
        }
    }
}
