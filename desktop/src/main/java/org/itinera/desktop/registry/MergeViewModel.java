package org.itinera.desktop.registry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.casefile.MergedRecord;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The "Merged records" tab of a person's file: the persons merged into this one (with their cases),
 * unmerging one, and the merge of a duplicate found by name (issue 7). Every call runs in the background.
 */
public final class MergeViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages m;
    private final Person person;
    private final Runnable registryChanged;
    private final ObservableList<MergedRecord> merged = FXCollections.observableArrayList();
    private final Map<String, List<String>> casesByPerson = new HashMap<>();
    private final ObjectProperty<MergedRecord> selectedMerged = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PersonSummary> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<PersonSummary> candidate = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty dialogError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<String, String> officeNames = new LinkedHashMap<>();

    public MergeViewModel(Workspace ws, TaskExecutor executor, Messages m, Person person, Runnable registryChanged) {
        this.ws = ws;
        this.executor = executor;
        this.m = m;
        this.person = person;
        this.registryChanged = registryChanged;
        ws.offices().all().forEach(o -> officeNames.put(o.id(), o.name()));
        // a refusal shown in the dialog goes once the user changes what it was about
        candidate.addListener((o, a, b) -> dialogError.set(""));
        reason.addListener((o, a, b) -> dialogError.set(""));
    }

    public boolean canMerge() {
        return ws.access().allows(ws.actor(), Permission.PERSON_MERGE, person.details().officeId());
    }

    public void refresh() {
        boolean cases = ws.access().allows(ws.actor(), Permission.CASE_READ, person.details().officeId());
        executor.execute(BackgroundTask.<Loaded>of("merged records", p -> new Loaded(
                        ws.merges().mergedRecords(ws.actor(), person.id()),
                        cases ? ws.cases().ofPerson(ws.actor(), person.id()) : List.of()))
                .onSuccess(l -> {
                    casesByPerson.clear();
                    casesByPerson.putAll(l.cases().stream().collect(Collectors.groupingBy(CaseSummary::personId,
                            Collectors.mapping(CaseSummary::caseNo, Collectors.toList()))));
                    merged.setAll(l.records());
                })
                .onFailure(e -> status.set(describe(e))));
    }

    private record Loaded(List<MergedRecord> records, List<CaseSummary> cases) {
    }

    /** One line of the list: who, born when, which office, their cases. */
    public String describe(MergedRecord r) {
        PersonSummary s = r.person();
        List<String> cases = casesByPerson.getOrDefault(s.id(), List.of());
        return m.get("merge.record", s.latinName(), s.birth() == null || s.birth().isEmpty() ? "—" : s.birth(),
                office(s.officeId()), cases.isEmpty() ? m.get("merge.noCases") : String.join(", ", cases));
    }

    public void unmergeSelected() {
        MergedRecord r = selectedMerged.get();
        if (r == null) {
            return;
        }
        busy.set(true);
        executor.execute(BackgroundTask.of("unmerge", p -> {
                    ws.merges().unmerge(ws.actor(), r.person().id());
                    return null;
                })
                .onSuccess(x -> {
                    busy.set(false);
                    status.set(m.get("merge.unmerged", r.person().latinName()));
                    refresh();
                    registryChanged.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set(describe(e));
                }));
    }

    // ---- the merge dialog ------------------------------------------------------------------------

    /** Clears the dialog for a new merge. */
    public void startMerge() {
        query.set("");
        candidates.clear();
        candidate.set(null);
        reason.set("");
        dialogError.set("");
    }

    public void search() {
        String q = query.get();
        if (q == null || q.isBlank()) {
            candidates.clear();
            return;
        }
        executor.execute(BackgroundTask.of("merge search", p -> ws.persons().search(ws.actor(), q, 30))
                .onSuccess(r -> candidates.setAll(r.hits().stream().filter(s -> !s.id().equals(person.id())).toList()))
                .onFailure(e -> dialogError.set(describe(e))));
    }

    /** Whether the dialog may be confirmed (the service checks again). */
    public boolean readyToMerge() {
        if (candidate.get() == null) {
            dialogError.set(m.get("merge.chooseDuplicate"));
            return false;
        }
        if (reason.get() == null || reason.get().isBlank()) {
            dialogError.set(m.get("merge.reasonRequired"));
            return false;
        }
        return true;
    }

    /** Merges the chosen duplicate into this person; {@code done} runs after success (closes the dialog). */
    public void merge(Runnable done) {
        PersonSummary dup = candidate.get();
        String why = reason.get();
        busy.set(true);
        executor.execute(BackgroundTask.of("merge", p -> {
                    ws.merges().merge(ws.actor(), dup.id(), person.id(), why);
                    return null;
                })
                .onSuccess(x -> {
                    busy.set(false);
                    status.set(m.get("merge.merged", dup.latinName(), person.details().latinName()));
                    done.run();
                    refresh();
                    registryChanged.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    dialogError.set(describe(e));
                }));
    }

    /** This person, for the side-by-side comparison. */
    public String describeThis() {
        var d = person.details();
        return describe(d.latinName(), d.originalName(), d.sex() == null ? "" : m.label(d.sex()), d.birthDate().display(),
                d.nationality(), d.officeId());
    }

    public String describeCandidate() {
        PersonSummary s = candidate.get();
        return s == null ? m.get("merge.chooseDuplicate")
                : describe(s.latinName(), s.originalName(), s.sex() == null ? "" : m.label(s.sex()), s.birth(), s.nationality(),
                        s.officeId());
    }

    private String describe(String name, String original, String sex, String birth, String nationality, String officeId) {
        String country = nationality == null ? "—"
                : ws.reference().country(nationality).map(c -> c.name(m.locale())).orElse(nationality);
        return m.get("merge.personCard", name, original == null || original.isBlank() ? "—" : original, sex,
                birth == null || birth.isBlank() ? "—" : birth, country, office(officeId));
    }

    public String candidateLine(PersonSummary s) {
        return m.get("merge.candidate", s.latinName(), s.birth() == null || s.birth().isBlank() ? "—" : s.birth(),
                office(s.officeId()));
    }

    private String office(String id) {
        return id == null ? "—" : officeNames.getOrDefault(id, id);
    }

    private String describe(Throwable t) {
        Throwable e = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof ValidationException v) {
            return v.errors().stream().map(f -> m.get(f.message())).collect(Collectors.joining(" "));
        }
        return new ErrorMessages(m).describe(e);
    }

    public ObservableList<MergedRecord> merged() {
        return merged;
    }

    public ObjectProperty<MergedRecord> selectedMerged() {
        return selectedMerged;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty query() {
        return query;
    }

    public ObservableList<PersonSummary> candidates() {
        return candidates;
    }

    public ObjectProperty<PersonSummary> candidate() {
        return candidate;
    }

    public StringProperty reason() {
        return reason;
    }

    public StringProperty dialogError() {
        return dialogError;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
