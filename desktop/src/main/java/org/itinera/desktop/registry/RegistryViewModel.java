package org.itinera.desktop.registry;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.casefile.HouseholdSummary;
import org.itinera.core.casefile.PersonService;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.StartupLog;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.PagedList;

/**
 * The case registry: every person, household and case in pages, or the persons matching a name
 * search. All queries run in the background; the lists stay responsive at a million persons.
 */
public final class RegistryViewModel {
    public static final int SEARCH_LIMIT = 100;
    static final PersonSummary LOADING_PERSON = new PersonSummary(null, "…", "", null, "", "", null, "");
    static final HouseholdSummary LOADING_HOUSEHOLD = new HouseholdSummary(null, "…", "", 0, null);
    static final CaseSummary LOADING_CASE = new CaseSummary(null, "…", null, null, null, "", "", null);

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final BooleanProperty showingSearch = new SimpleBooleanProperty();
    private final ObservableList<PersonSummary> searchResults = FXCollections.observableArrayList();
    private final PagedList<PersonSummary> allPersons;
    private final PagedList<HouseholdSummary> households;
    private final PagedList<CaseSummary> cases;
    private int personCount;
    private int searchGeneration;

    public RegistryViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.allPersons = new PagedList<>((o, l, previous) -> previous != null && previous.id() != null
                ? ws.persons().pageAfter(ws.actor(), previous, l)
                : ws.persons().page(ws.actor(), o, l), executor, LOADING_PERSON);
        this.households = new PagedList<>((o, l, p) -> ws.households().page(ws.actor(), o, l), executor, LOADING_HOUSEHOLD);
        this.cases = new PagedList<>((o, l, p) -> ws.cases().page(ws.actor(), o, l), executor, LOADING_CASE);
    }

    public record Counts(int persons, int households, int cases) {
    }

    /** Recounts and reloads the three lists. */
    public void refresh() {
        executor.execute(BackgroundTask.of("registry counts", p -> new Counts(ws.persons().count(ws.actor()),
                        ws.households().count(ws.actor()), ws.cases().count(ws.actor())))
                .onSuccess(c -> {
                    personCount = c.persons();
                    allPersons.reset(c.persons());
                    households.reset(c.households());
                    cases.reset(c.cases());
                    if (!showingSearch.get()) {
                        status.set(messages.get("registry.count", c.persons()));
                    }
                    StartupLog.milestone("registry list ready (" + c.persons() + " persons)");
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    /** Searches by name; an empty query goes back to the full list. */
    public void search() {
        String q = query.get() == null ? "" : query.get().strip();
        int generation = ++searchGeneration;
        if (q.isEmpty()) {
            showingSearch.set(false);
            searchResults.clear();
            status.set(messages.get("registry.count", personCount));
            return;
        }
        searching.set(true);
        executor.execute(BackgroundTask.<PersonService.SearchResult>of("person search",
                        p -> ws.persons().search(ws.actor(), q, SEARCH_LIMIT))
                .onSuccess(r -> {
                    if (generation != searchGeneration) {
                        return; // the user typed on; a newer search is coming
                    }
                    searching.set(false);
                    showingSearch.set(true);
                    searchResults.setAll(r.hits());
                    status.set(r.more() ? messages.get("registry.matchesMore", SEARCH_LIMIT)
                            : messages.get("registry.matches", r.hits().size()));
                })
                .onFailure(e -> {
                    searching.set(false);
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    public StringProperty query() {
        return query;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty searching() {
        return searching;
    }

    public BooleanProperty showingSearch() {
        return showingSearch;
    }

    public ObservableList<PersonSummary> searchResults() {
        return searchResults;
    }

    public ObservableList<PersonSummary> allPersons() {
        return allPersons;
    }

    public ObservableList<HouseholdSummary> households() {
        return households;
    }

    public ObservableList<CaseSummary> cases() {
        return cases;
    }

    List<PersonSummary> visiblePersons() {
        return showingSearch.get() ? searchResults : allPersons;
    }
}
