package org.itinera.desktop.medical;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.itinera.core.medical.AssessmentDetails;
import org.itinera.core.medical.AssessmentDraft;
import org.itinera.core.medical.AssessmentType;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.FitnessDraft;
import org.itinera.core.medical.FitnessRecord;
import org.itinera.core.medical.HealthAssessment;
import org.itinera.core.medical.MedicalReferral;
import org.itinera.core.medical.ReferralDraft;
import org.itinera.core.organisation.Partner;
import org.itinera.core.medical.TestResult;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/**
 * A person's medical file for medical staff: their assessments and fitness decisions, and the form
 * that records a new assessment with its decision. What was typed stays when a save is refused;
 * errors come from the core service and appear next to their fields and in a summary.
 */
public final class MedicalCheckViewModel {
    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages m;
    private final String personId;

    private final ObjectProperty<AssessmentType> type = new SimpleObjectProperty<>(AssessmentType.PRE_DEPARTURE);
    private final StringProperty assessedOn = new SimpleStringProperty();
    private final StringProperty clinician = new SimpleStringProperty("");
    private final StringProperty history = new SimpleStringProperty("");
    private final StringProperty examination = new SimpleStringProperty("");
    private final StringProperty tests = new SimpleStringProperty("");
    private final StringProperty diagnoses = new SimpleStringProperty("");
    private final StringProperty diagnosisCode = new SimpleStringProperty("");
    private final StringProperty vaccinations = new SimpleStringProperty("");
    private final StringProperty findings = new SimpleStringProperty("");
    private final ObjectProperty<Fitness> decision = new SimpleObjectProperty<>();
    private final ObjectProperty<EscortLevel> escort = new SimpleObjectProperty<>(EscortLevel.NONE);
    private final StringProperty validFrom = new SimpleStringProperty();
    private final StringProperty validUntil = new SimpleStringProperty("");
    private final StringProperty conditions = new SimpleStringProperty("");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty keyMissing = new SimpleBooleanProperty();
    private final ObservableList<String> assessments = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private Runnable onSaved = () -> { };
    private final ObjectProperty<Partner> facility = new SimpleObjectProperty<>();
    private final StringProperty referredOn = new SimpleStringProperty();
    private final StringProperty referralReason = new SimpleStringProperty("");
    private final ObservableList<String> referrals = FXCollections.observableArrayList();
    private final ObservableList<Partner> facilities = FXCollections.observableArrayList();

    public MedicalCheckViewModel(Workspace ws, TaskExecutor executor, Messages m, String personId) {
        this.ws = ws;
        this.executor = executor;
        this.m = m;
        this.personId = personId;
        String today = LocalDate.now(ws.clock()).toString();
        assessedOn.set(today);
        validFrom.set(today);
        referredOn.set(today);
        clinician.set(ws.currentUser() == null ? "" : ws.currentUser().displayName());
        keyMissing.set(!ws.health().canOpenMedicalDetail(ws.actor()));
    }

    /** Reads the person's assessments and decisions (the read is recorded in the audit trail). */
    public void load() {
        executor.execute(BackgroundTask.of("medical file", p -> new Loaded(
                        ws.health().assessments(ws.actor(), personId), ws.health().decisions(ws.actor(), personId),
                        ws.health().referrals(ws.actor(), personId),
                        ws.consents().partners().stream().filter(x -> "HEALTH".equals(x.type())).toList()))
                .onSuccess(l -> {
                    assessments.setAll(l.assessments().stream().map(this::line).toList());
                    decisions.setAll(l.decisions().stream().map(this::line).toList());
                    referrals.setAll(l.referrals().stream().map(r -> line(r, l.facilities())).toList());
                    facilities.setAll(l.facilities());
                })
                .onFailure(e -> status.set(new ErrorMessages(m).describe(e))));
    }

    private record Loaded(List<HealthAssessment> assessments, List<FitnessRecord> decisions,
                          List<MedicalReferral> referrals, List<Partner> facilities) {
    }

    /** Refers the person for treatment; the reason is sealed. */
    public void refer() {
        errors.clear();
        summary.set("");
        status.set("");
        LocalDate on = date("referredOn", referredOn.get(), true);
        if (!errors.isEmpty()) {
            summary.set(m.get("error.validation", errors.size()));
            return;
        }
        ReferralDraft d = new ReferralDraft(personId, null, on, facility.get() == null ? null : facility.get().id(),
                referralReason.get());
        busy.set(true);
        executor.execute(BackgroundTask.of("refer", p -> ws.health().refer(ws.actor(), d))
                .onSuccess(id -> {
                    busy.set(false);
                    status.set(m.get("medical.referred"));
                    referralReason.set("");
                    facility.set(null);
                    load();
                })
                .onFailure(e -> {
                    busy.set(false);
                    FieldErrors.show(e, errors, m);
                    summary.set(new ErrorMessages(m).describe(e));
                }));
    }

    private String line(MedicalReferral r, List<Partner> known) {
        String where = r.facilityId().flatMap(id -> known.stream().filter(x -> x.id().equals(id)).findFirst())
                .map(Partner::name).orElse(m.get("medical.noFacility"));
        return r.referredOn() + " · " + where + " · " + m.label(r.status()) + r.reason().map(x -> " · " + x).orElse("");
    }

    /** Saves the assessment and its decision together; on success the form empties and the lists reload. */
    public void save() {
        errors.clear();
        summary.set("");
        status.set("");
        LocalDate on = date("assessedOn", assessedOn.get(), true);
        LocalDate from = date("validFrom", validFrom.get(), true);
        LocalDate until = date("validUntil", validUntil.get(), false);
        List<TestResult> testResults = parseTests(tests.get());
        if (!errors.isEmpty()) {
            summary.set(m.get("error.validation", errors.size()));
            return;
        }
        AssessmentDraft a = new AssessmentDraft(personId, type.get(), on, new AssessmentDetails(clinician.get(),
                history.get(), examination.get(), testResults, diagnoses.get(), diagnosisCode.get(), vaccinations.get(),
                findings.get()));
        FitnessDraft d = new FitnessDraft(personId, null, decision.get(), escort.get(), from, until, conditions.get());
        busy.set(true);
        executor.execute(BackgroundTask.of("record medical check", p -> ws.health().recordCheck(ws.actor(), a, d))
                .onSuccess(id -> {
                    busy.set(false);
                    status.set(m.get("medical.saved", m.label(d.decision())));
                    clearForm();
                    load();
                    onSaved.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    FieldErrors.show(e, errors, m);
                    summary.set(new ErrorMessages(m).describe(e));
                }));
    }

    private void clearForm() {
        for (StringProperty p : List.of(history, examination, tests, diagnoses, diagnosisCode, vaccinations, findings,
                validUntil, conditions)) {
            p.set("");
        }
        decision.set(null);
        escort.set(EscortLevel.NONE);
    }

    private LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, m.get("validation.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, m.get("medical.error.date"));
            return null;
        }
    }

    /** One test per line, "test: result". */
    static List<TestResult> parseTests(String text) {
        List<TestResult> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            out.add(colon < 0 ? new TestResult(line.strip(), "")
                    : new TestResult(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return out;
    }

    private String line(HealthAssessment a) {
        String head = a.assessedOn() + " · " + m.get("enum.AssessmentType." + a.type());
        return a.details().map(d -> m.get("medical.assessmentLine", head, nz(d.clinician()), nz(d.findings())))
                .orElse(m.get("medical.assessmentSealed", head));
    }

    private String line(FitnessRecord r) {
        String decisionText = m.label(r.decision()) + (r.escort() == EscortLevel.NONE ? "" : " (" + m.label(r.escort()) + ")");
        String validity = r.validUntil().map(u -> m.get("medical.validFromTo", r.validFrom().toString(), u.toString()))
                .orElse(m.get("medical.validFrom", r.validFrom().toString()));
        return decisionText + " · " + validity + r.conditions().map(c -> " · " + c).orElse("");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObjectProperty<Partner> facility() {
        return facility;
    }

    public StringProperty referredOn() {
        return referredOn;
    }

    public StringProperty referralReason() {
        return referralReason;
    }

    public ObservableList<String> referrals() {
        return referrals;
    }

    public ObservableList<Partner> facilities() {
        return facilities;
    }

    public void onSaved(Runnable action) {
        this.onSaved = action;
    }

    public ObjectProperty<AssessmentType> type() {
        return type;
    }

    public StringProperty assessedOn() {
        return assessedOn;
    }

    public StringProperty clinician() {
        return clinician;
    }

    public StringProperty history() {
        return history;
    }

    public StringProperty examination() {
        return examination;
    }

    public StringProperty tests() {
        return tests;
    }

    public StringProperty diagnoses() {
        return diagnoses;
    }

    public StringProperty diagnosisCode() {
        return diagnosisCode;
    }

    public StringProperty vaccinations() {
        return vaccinations;
    }

    public StringProperty findings() {
        return findings;
    }

    public ObjectProperty<Fitness> decision() {
        return decision;
    }

    public ObjectProperty<EscortLevel> escort() {
        return escort;
    }

    public StringProperty validFrom() {
        return validFrom;
    }

    public StringProperty validUntil() {
        return validUntil;
    }

    public StringProperty conditions() {
        return conditions;
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

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty keyMissing() {
        return keyMissing;
    }

    public ObservableList<String> assessments() {
        return assessments;
    }

    public ObservableList<String> decisions() {
        return decisions;
    }
}
