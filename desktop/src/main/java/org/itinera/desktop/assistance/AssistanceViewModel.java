package org.itinera.desktop.assistance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.itinera.core.access.Permission;
import org.itinera.core.assistance.AssistanceOverview;
import org.itinera.core.assistance.ComponentDraft;
import org.itinera.core.assistance.DeliveryDraft;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUpDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanComponent;
import org.itinera.core.assistance.PlanDraft;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.assistance.Receipt;
import org.itinera.core.assistance.Referral;
import org.itinera.core.assistance.ReferralDraft;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.SurveyDraft;
import org.itinera.core.assistance.SurveyQuestion;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.organisation.Partner;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.timeline.CaseTimeline;
import org.itinera.core.timeline.TimelineItem;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.desktop.ui.FieldErrors;

/**
 * The assistance of one case: its plans with their deliveries, referrals, follow-up visits and its
 * timeline, and the forms that add to them. Each form keeps what was typed until the service saved
 * it; a refusal puts each problem next to its field (ids "form.field") and in one summary line.
 */
public final class AssistanceViewModel {
    /** One component row of the new-plan form: amounts stay text until saved, so nothing typed is lost. */
    public static final class ComponentRow {
        final ObjectProperty<PlanCategory> category = new SimpleObjectProperty<>(PlanCategory.ECONOMIC);
        final StringProperty description = new SimpleStringProperty("");
        final StringProperty budget = new SimpleStringProperty("");
    }

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();
    private final ObservableList<Partner> partners = FXCollections.observableArrayList();
    private final ObservableList<TimelineItem> timeline = FXCollections.observableArrayList();
    private final ObjectProperty<CaseSummary> current = new SimpleObjectProperty<>();
    private final ObjectProperty<AssistanceOverview> overview = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty caseNo = new SimpleStringProperty("");

    // new plan
    final StringProperty currency = new SimpleStringProperty("XOF");
    final StringProperty planNotes = new SimpleStringProperty("");
    final ObservableList<ComponentRow> components = FXCollections.observableArrayList(new ComponentRow());
    // delivery
    final ObjectProperty<Plan> deliveryPlan = new SimpleObjectProperty<>();
    final ObjectProperty<PlanComponent> deliveryComponent = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> deliveredOn;
    final ObjectProperty<DeliveryModality> modality = new SimpleObjectProperty<>(DeliveryModality.CASH);
    final StringProperty deliveryDescription = new SimpleStringProperty("");
    final StringProperty amount = new SimpleStringProperty("");
    final ObjectProperty<Receipt> receipt = new SimpleObjectProperty<>();
    // follow-up
    final ObjectProperty<LocalDate> visitOn;
    final ObjectProperty<VisitType> visitType = new SimpleObjectProperty<>(VisitType.HOME);
    final StringProperty score = new SimpleStringProperty("");
    final StringProperty visitNotes = new SimpleStringProperty("");
    // satisfaction survey: overall and each question 1–5, none chosen until the person answers
    final ObjectProperty<LocalDate> surveyedOn;
    final ObjectProperty<Integer> overall = new SimpleObjectProperty<>();
    final Map<SurveyQuestion, ObjectProperty<Integer>> answers = new java.util.EnumMap<>(SurveyQuestion.class);
    // referral
    final ObjectProperty<Partner> partner = new SimpleObjectProperty<>();
    final StringProperty service = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> sentOn;
    final ObjectProperty<Referral> selectedReferral = new SimpleObjectProperty<>();
    final ObjectProperty<ReferralStatus> newStatus = new SimpleObjectProperty<>(ReferralStatus.ACCEPTED);
    final ObjectProperty<LocalDate> statusOn;
    final StringProperty feedback = new SimpleStringProperty("");

    public AssistanceViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        LocalDate today = LocalDate.now(ws.clock());
        deliveredOn = new SimpleObjectProperty<>(today);
        visitOn = new SimpleObjectProperty<>(today);
        sentOn = new SimpleObjectProperty<>(today);
        statusOn = new SimpleObjectProperty<>(today);
        surveyedOn = new SimpleObjectProperty<>(today);
        for (SurveyQuestion q : SurveyQuestion.values()) {
            answers.put(q, new SimpleObjectProperty<>());
        }
    }

    /** Loads the first cases the user may see, and the partner list. */
    public void load() {
        executor.execute(BackgroundTask.of("assistance cases", p -> new Start(ws.cases().page(ws.actor(), 0, 200),
                        ws.consents().partners()))
                .onSuccess(s -> {
                    cases.setAll(s.cases());
                    partners.setAll(s.partners());
                })
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    private record Start(List<CaseSummary> cases, List<Partner> partners) {
    }

    /** Opens the case typed in the case-number field. */
    public void openTyped() {
        open(caseNo.get() == null ? "" : caseNo.get().strip());
    }

    /** Opens a case by id or number: its assistance and its timeline. */
    public void open(String caseRef) {
        errors.clear();
        summary.set("");
        busy.set(true);
        executor.execute(BackgroundTask.of("open case", p -> {
                    CaseTimeline t = ws.timeline().ofCase(ws.actor(), caseRef);
                    boolean mayRead = ws.access().allows(ws.actor(), Permission.ASSISTANCE_READ, t.summary().officeId());
                    return new Opened(t, mayRead ? ws.assistance().overview(ws.actor(), t.summary().id()) : null);
                })
                .onSuccess(o -> {
                    busy.set(false);
                    current.set(o.timeline().summary());
                    caseNo.set(o.timeline().summary().caseNo());
                    timeline.setAll(o.timeline().items());
                    setOverview(o.overview());
                    status.set("");
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set(describe(e));
                }));
    }

    private record Opened(CaseTimeline timeline, AssistanceOverview overview) {
    }

    private void setOverview(AssistanceOverview o) {
        overview.set(o);
        if (o == null) {
            return;
        }
        Plan keep = deliveryPlan.get();
        deliveryPlan.set(o.plans().stream().filter(p -> keep != null && p.id().equals(keep.id())).findFirst()
                .orElse(o.plans().isEmpty() ? null : o.plans().getFirst()));
    }

    private void reload() {
        CaseSummary c = current.get();
        if (c == null) {
            return;
        }
        executor.execute(BackgroundTask.of("reload case", p -> new Opened(ws.timeline().ofCase(ws.actor(), c.id()),
                        ws.assistance().overview(ws.actor(), c.id())))
                .onSuccess(o -> {
                    timeline.setAll(o.timeline().items());
                    setOverview(o.overview());
                })
                .onFailure(e -> status.set(describe(e))));
    }

    /** Whether the forms are shown for the open case (the service decides again). */
    public boolean canWrite() {
        CaseSummary c = current.get();
        return c != null && ws.access().allows(ws.actor(), Permission.ASSISTANCE_WRITE, c.officeId());
    }

    // ---- forms ------------------------------------------------------------------------------

    public void addComponentRow() {
        components.add(new ComponentRow());
    }

    public void createPlan() {
        CaseSummary c = current.get();
        if (c == null) {
            return;
        }
        Map<String, String> local = new LinkedHashMap<>();
        List<ComponentDraft> drafts = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            ComponentRow row = components.get(i);
            drafts.add(new ComponentDraft(row.category.get(), row.description.get(),
                    number(row.budget.get(), "plan.components." + i + ".budget", local)));
        }
        String cur = currency.get() == null ? null : currency.get().strip().toUpperCase(Locale.ROOT);
        PlanDraft draft = new PlanDraft(c.id(), cur, planNotes.get(), drafts);
        save("plan.", local, () -> ws.assistance().createPlan(ws.actor(), draft), plan -> {
            status.set(messages.get("assistance.saved.plan"));
            planNotes.set("");
            components.setAll(new ComponentRow());
            deliveryPlan.set(plan);
        });
    }

    public void approvePlan() {
        Plan p = deliveryPlan.get();
        if (p == null) {
            return;
        }
        save("delivery.", Map.of(), () -> ws.assistance().changePlanStatus(ws.actor(), p.id(), PlanStatus.APPROVED),
                plan -> status.set(messages.get("assistance.saved.approved")));
    }

    /** Reads a receipt file (PDF, JPEG or PNG) to go with the next delivery. */
    public void attachReceipt(Path file) {
        try {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            String mime = lower.endsWith(".pdf") ? "application/pdf" : lower.endsWith(".png") ? "image/png"
                    : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
            receipt.set(new Receipt(name, mime, Files.readAllBytes(file)));
            errors.remove("delivery.receipt");
        } catch (IOException e) {
            errors.put("delivery.receipt", messages.get("assistance.error.receiptFile"));
        }
    }

    public void recordDelivery() {
        Plan p = deliveryPlan.get();
        Map<String, String> local = new LinkedHashMap<>();
        BigDecimal value = number(amount.get(), "delivery.amount", local);
        DeliveryDraft d = new DeliveryDraft(p == null ? null : p.id(),
                deliveryComponent.get() == null ? null : deliveryComponent.get().id(), deliveredOn.get(), modality.get(),
                deliveryDescription.get(), value, receipt.get());
        save("delivery.", local, () -> ws.assistance().recordDelivery(ws.actor(), d), done -> {
            status.set(messages.get("assistance.saved.delivery"));
            deliveryDescription.set("");
            amount.set("");
            receipt.set(null);
            deliveryComponent.set(null);
        });
    }

    public void recordFollowUp() {
        CaseSummary c = current.get();
        if (c == null) {
            return;
        }
        Map<String, String> local = new LinkedHashMap<>();
        Integer value = null;
        String s = score.get() == null ? "" : score.get().strip();
        if (!s.isEmpty()) {
            try {
                value = Integer.valueOf(s);
            } catch (NumberFormatException e) {
                local.put("followUp.score", messages.get("assistance.error.score", 10));
            }
        }
        FollowUpDraft d = new FollowUpDraft(c.id(), visitOn.get(), visitType.get(), value, visitNotes.get());
        save("followUp.", local, () -> ws.assistance().recordFollowUp(ws.actor(), d), done -> {
            status.set(messages.get("assistance.saved.followUp"));
            score.set("");
            visitNotes.set("");
        });
    }

    public void recordSurvey() {
        CaseSummary c = current.get();
        if (c == null) {
            return;
        }
        Map<SurveyQuestion, Integer> given = new java.util.EnumMap<>(SurveyQuestion.class);
        answers.forEach((q, a) -> {
            if (a.get() != null) {
                given.put(q, a.get());
            }
        });
        SurveyDraft d = new SurveyDraft(c.id(), surveyedOn.get(), overall.get() == null ? 0 : overall.get(), given);
        save("survey.", Map.of(), () -> ws.assistance().recordSurvey(ws.actor(), d), done -> {
            status.set(messages.get("assistance.saved.survey"));
            overall.set(null);
            answers.values().forEach(a -> a.set(null));
        });
    }

    public void refer() {
        CaseSummary c = current.get();
        if (c == null) {
            return;
        }
        ReferralDraft d = new ReferralDraft(c.id(), partner.get() == null ? null : partner.get().id(), service.get(),
                sentOn.get());
        save("referral.", Map.of(), () -> ws.assistance().refer(ws.actor(), d), done -> {
            status.set(messages.get("assistance.saved.referral"));
            service.set("");
        });
    }

    public void updateReferral() {
        Referral r = selectedReferral.get();
        if (r == null) {
            return;
        }
        ReferralStatus to = newStatus.get();
        LocalDate on = statusOn.get();
        String note = feedback.get();
        save("referralUpdate.", Map.of(), () -> ws.assistance().updateReferral(ws.actor(), r.id(), to, on, note), done -> {
            status.set(messages.get("assistance.saved.referralStatus"));
            feedback.set("");
        });
    }

    private BigDecimal number(String text, String field, Map<String, String> local) {
        String t = text == null ? "" : text.replaceAll("[\\s\u00a0\u202f]", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            local.put(field, messages.get("assistance.error.number"));
            return null;
        }
    }

    private <T> void save(String form, Map<String, String> local, Callable<T> work, Consumer<T> done) {
        errors.clear();
        summary.set("");
        if (!local.isEmpty()) {
            errors.putAll(local);
            summary.set(messages.get("assistance.error.summary", String.join(" · ", local.values())));
            return;
        }
        busy.set(true);
        executor.execute(BackgroundTask.<T>of("assistance " + form, p -> work.call())
                .onSuccess(r -> {
                    busy.set(false);
                    done.accept(r);
                    reload();
                })
                .onFailure(e -> {
                    busy.set(false);
                    FieldErrors.show(e, errors, messages, f -> form + f);
                    List<String> all = errors.entrySet().stream().filter(x -> x.getKey().startsWith(form))
                            .map(Map.Entry::getValue).distinct().toList();
                    summary.set(all.isEmpty() ? describe(e)
                            : messages.get("assistance.error.summary", String.join(" · ", all)));
                }));
    }

    private String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof org.itinera.core.validation.ValidationException v && v.errors().size() == 1) {
            return messages.get(v.errors().getFirst().message());
        }
        return new ErrorMessages(messages).describe(e);
    }

    // ---- accessors -------------------------------------------------------------------------------

    public ObservableList<CaseSummary> cases() {
        return cases;
    }

    public ObservableList<Partner> partners() {
        return partners;
    }

    public ObservableList<TimelineItem> timeline() {
        return timeline;
    }

    public ObjectProperty<CaseSummary> current() {
        return current;
    }

    public ObjectProperty<AssistanceOverview> overview() {
        return overview;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty summary() {
        return summary;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public Messages messages() {
        return messages;
    }
}
