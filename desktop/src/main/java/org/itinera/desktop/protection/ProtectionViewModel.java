package org.itinera.desktop.protection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.protection.BestInterestStep;
import org.itinera.core.protection.BestInterestStepType;
import org.itinera.core.protection.RiskLevel;
import org.itinera.core.protection.Screening;
import org.itinera.core.protection.ScreeningDraft;
import org.itinera.core.protection.Vulnerability;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/**
 * A person's protection record: screenings (needs, risk, safety plan; optionally restricting the
 * case) and a child's best-interest steps. Errors come from the core service; what was typed stays.
 */
public final class ProtectionViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages m;
    private final String personId;

    private final StringProperty screenedOn = new SimpleStringProperty();
    private final Map<Vulnerability, BooleanProperty> needs = new EnumMap<>(Vulnerability.class);
    private final StringProperty otherNeed = new SimpleStringProperty("");
    private final ObjectProperty<RiskLevel> risk = new SimpleObjectProperty<>();
    private final StringProperty safetyPlan = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<CaseSummary> kase = new SimpleObjectProperty<>();
    private final BooleanProperty restrict = new SimpleBooleanProperty();
    private final ObjectProperty<BestInterestStepType> step = new SimpleObjectProperty<>();
    private final StringProperty stepOn = new SimpleStringProperty();
    private final StringProperty stepOutcome = new SimpleStringProperty("");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> screenings = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();

    public ProtectionViewModel(Workspace ws, TaskExecutor executor, Messages m, String personId) {
        this.ws = ws;
        this.executor = executor;
        this.m = m;
        this.personId = personId;
        for (Vulnerability v : Vulnerability.values()) {
            needs.put(v, new SimpleBooleanProperty());
        }
        String today = LocalDate.now(ws.clock()).toString();
        screenedOn.set(today);
        stepOn.set(today);
    }

    private record Loaded(List<Screening> screenings, List<BestInterestStep> steps, List<CaseSummary> cases) {
    }

    public void load() {
        executor.execute(BackgroundTask.of("protection", p -> new Loaded(ws.protection().screenings(ws.actor(), personId),
                        ws.protection().bestInterestSteps(ws.actor(), personId), ws.cases().ofPerson(ws.actor(), personId)))
                .onSuccess(l -> {
                    screenings.setAll(l.screenings().stream().map(this::line).toList());
                    steps.setAll(l.steps().stream().map(this::line).toList());
                    cases.setAll(l.cases());
                    if (kase.get() == null && !l.cases().isEmpty()) {
                        kase.set(l.cases().getFirst());
                    }
                })
                .onFailure(e -> status.set(new ErrorMessages(m).describe(e))));
    }

    public void saveScreening() {
        errors.clear();
        summary.set("");
        LocalDate on = date("screenedOn", screenedOn.get());
        if (!errors.isEmpty()) {
            summary.set(m.get("error.validation", errors.size()));
            return;
        }
        Set<Vulnerability> found = EnumSet.noneOf(Vulnerability.class);
        needs.forEach((v, p) -> {
            if (p.get()) {
                found.add(v);
            }
        });
        ScreeningDraft d = new ScreeningDraft(personId, kase.get() == null ? null : kase.get().id(), on, found,
                otherNeed.get(), risk.get(), safetyPlan.get(), notes.get(), restrict.get());
        executor.execute(BackgroundTask.of("screen", p -> ws.protection().screen(ws.actor(), d))
                .onSuccess(id -> {
                    status.set(m.get("protection.saved"));
                    needs.values().forEach(p -> p.set(false));
                    otherNeed.set("");
                    safetyPlan.set("");
                    notes.set("");
                    risk.set(null);
                    restrict.set(false);
                    load();
                })
                .onFailure(e -> {
                    FieldErrors.show(e, errors, m);
                    summary.set(new ErrorMessages(m).describe(e));
                }));
    }

    public void saveStep() {
        errors.clear();
        summary.set("");
        LocalDate on = date("takenOn", stepOn.get());
        if (!errors.isEmpty()) {
            summary.set(m.get("error.validation", errors.size()));
            return;
        }
        String caseId = kase.get() == null ? null : kase.get().id();
        BestInterestStepType type = step.get();
        String outcome = stepOutcome.get();
        executor.execute(BackgroundTask.of("best interest step",
                        p -> ws.protection().recordBestInterestStep(ws.actor(), personId, caseId, type, on, outcome))
                .onSuccess(id -> {
                    status.set(m.get("protection.stepSaved"));
                    step.set(null);
                    stepOutcome.set("");
                    load();
                })
                .onFailure(e -> {
                    FieldErrors.show(e, errors, m);
                    summary.set(new ErrorMessages(m).describe(e));
                }));
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            errors.put(field, m.get("validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, m.get("medical.error.date"));
            return null;
        }
    }

    private String line(Screening s) {
        String found = s.needs().isEmpty() ? m.get("protection.noNeeds")
                : String.join(", ", s.needs().stream().sorted().map(m::label).toList());
        return s.screenedOn() + " · " + m.label(s.risk()) + " · " + found
                + (s.restricted() ? " · " + m.get("protection.restrictedMark") : "")
                + s.safetyPlan().map(p -> " · " + m.get("protection.planMark", p)).orElse("");
    }

    private String line(BestInterestStep s) {
        return s.takenOn() + " · " + m.label(s.step()) + s.outcome().map(o -> " · " + o).orElse("");
    }

    public StringProperty screenedOn() {
        return screenedOn;
    }

    public BooleanProperty need(Vulnerability v) {
        return needs.get(v);
    }

    public StringProperty otherNeed() {
        return otherNeed;
    }

    public ObjectProperty<RiskLevel> risk() {
        return risk;
    }

    public StringProperty safetyPlan() {
        return safetyPlan;
    }

    public StringProperty notes() {
        return notes;
    }

    public ObjectProperty<CaseSummary> kase() {
        return kase;
    }

    public BooleanProperty restrict() {
        return restrict;
    }

    public ObjectProperty<BestInterestStepType> step() {
        return step;
    }

    public StringProperty stepOn() {
        return stepOn;
    }

    public StringProperty stepOutcome() {
        return stepOutcome;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty summary() {
        return summary;
    }

    public StringProperty status() {
        return status;
    }

    public ObservableList<String> screenings() {
        return screenings;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public ObservableList<CaseSummary> cases() {
        return cases;
    }
}
