package org.itinera.desktop.assistance;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.itinera.core.assistance.AssistanceOverview;
import org.itinera.core.assistance.Delivery;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUp;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanComponent;
import org.itinera.core.assistance.Referral;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.Survey;
import org.itinera.core.assistance.SurveyQuestion;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.timeline.TimelineItem;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/**
 * The assistance area: pick a case, then its plans and deliveries, referrals, follow-up visits and
 * timeline, each with its form (built with {@link FormBuilder}; errors next to the fields and in a
 * summary line; nothing typed is lost when saving fails).
 */
public final class AssistanceScreen {
    private final AssistanceViewModel vm;
    private final Messages m;
    private final VBox plansList = new VBox(4);
    private final VBox followUpList = new VBox(4);
    private final VBox componentsForm = new VBox(4);
    private final ObservableList<Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<PlanComponent> planComponents = FXCollections.observableArrayList();
    private final ObservableList<Referral> referrals = FXCollections.observableArrayList();

    AssistanceScreen(AssistanceViewModel vm) {
        this.vm = vm;
        this.m = vm.messages();
    }

    public static Node create(AppContext context) {
        AssistanceViewModel vm = new AssistanceViewModel(context.workspace(), context.executor(), context.messages());
        Node n = new AssistanceScreen(vm).build();
        vm.load();
        return n;
    }

    Node build() {
        BorderPane root = new BorderPane();
        root.setId("assistance");
        root.setLeft(casePicker());
        root.setCenter(caseView());
        return Views.oriented(root, m);
    }

    private Node casePicker() {
        TextField number = new TextField();
        number.setId("assistanceCaseNo");
        number.setPromptText(m.get("assistance.caseNo"));
        number.textProperty().bindBidirectional(vm.caseNo);
        number.setOnAction(e -> vm.openTyped());
        Button open = new Button(m.get("assistance.open"));
        open.setId("assistanceOpenCase");
        open.setOnAction(e -> vm.openTyped());
        HBox.setHgrow(number, Priority.ALWAYS);
        ListView<CaseSummary> list = new ListView<>(vm.cases());
        list.setId("assistanceCases");
        list.setCellFactory(lv -> cell(c -> c.caseNo() + "  " + c.personName()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.open(c.id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, Views.label(m, "assistance.cases", "title-4"), new HBox(6, number, open), list);
        box.setPadding(new Insets(12));
        box.setPrefWidth(290);
        return box;
    }

    private Node caseView() {
        Label header = new Label();
        header.setId("assistanceHeader");
        header.getStyleClass().add("title-3");
        WrappedText hint = Views.paragraph(m, "assistance.noCase", "text-muted");
        WrappedText status = new WrappedText();
        status.setId("assistanceStatus");
        status.textProperty().bind(vm.status());
        WrappedText summary = new WrappedText();
        summary.setId("assistanceSummary");
        summary.getStyleClass().add("field-error");
        summary.textProperty().bind(vm.summary());
        TabPane tabs = new TabPane(
                tab("tabPlans", "assistance.tab.plans", plansTab()),
                tab("tabReferrals", "assistance.tab.referrals", referralsTab()),
                tab("tabFollowUps", "assistance.tab.followUps", followUpsTab()),
                tab("tabTimeline", "assistance.tab.timeline", timelineTab()));
        tabs.setId("assistanceTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        tabs.visibleProperty().bind(vm.current().isNotNull());
        hint.visibleProperty().bind(vm.current().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        WrappedText readOnly = Views.paragraph(m, "assistance.readOnly", "text-muted");
        readOnly.setId("assistanceReadOnly");
        readOnly.setVisible(false);
        readOnly.setManaged(false);
        vm.current().addListener((o, a, c) -> {
            header.setText(c == null ? "" : m.get("assistance.caseHeader", c.caseNo(), c.personName(), m.label(c.status())));
            boolean write = vm.canWrite();
            readOnly.setVisible(c != null && !write);
            readOnly.setManaged(c != null && !write);
            formsToToggle.forEach(n -> {
                n.setVisible(write);
                n.setManaged(write);
            });
        });
        vm.overview().addListener((o, a, ov) -> show(ov));
        VBox box = new VBox(8, header, hint, readOnly, summary, status, tabs);
        box.setPadding(new Insets(12));
        return box;
    }

    private static Tab tab(String id, String key, Node content, Messages m) {
        Tab t = new Tab(m.get(key), content);
        t.setId(id);
        return t;
    }

    private Tab tab(String id, String key, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return tab(id, key, scroll, m);
    }

    // ---- plans and deliveries -------------------------------------------------------------------

    private Node plansTab() {
        plansList.setId("assistancePlans");
        Node delivery = writable(deliveryForm());
        Node plan = writable(planForm());
        VBox box = new VBox(12, plansList, delivery, plan);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node deliveryForm() {
        ComboBox<Plan> plan = combo(plans, vm.deliveryPlan, p -> m.label(p.status()) + " — " + p.draftedOn() + " — "
                + p.budget().toPlainString() + " " + p.currency());
        vm.deliveryPlan.addListener((o, a, p) -> planComponents.setAll(p == null ? List.of() : p.components()));
        ComboBox<PlanComponent> component = combo(planComponents, vm.deliveryComponent,
                c -> m.label(c.category()) + ": " + c.description());
        TextField description = text(vm.deliveryDescription);
        TextField amount = text(vm.amount);
        Label receiptName = new Label(m.get("assistance.noReceipt"));
        receiptName.setId("receiptName");
        vm.receipt.addListener((o, a, r) -> receiptName.setText(r == null ? m.get("assistance.noReceipt") : r.fileName()));
        Button attach = new Button(m.get("assistance.attachReceipt"));
        attach.setId("attachReceipt");
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF, JPEG, PNG", "*.pdf", "*.jpg",
                    "*.jpeg", "*.png"));
            File f = chooser.showOpenDialog(attach.getScene().getWindow());
            if (f != null) {
                vm.attachReceipt(f.toPath());
            }
        });
        FormBuilder form = new FormBuilder(m, vm.errors()).section("assistance.deliveryTitle")
                .add("delivery.plan", "assistance.plan", plan)
                .add("delivery.component", "assistance.deliveryComponent", component)
                .add("delivery.deliveredOn", "assistance.deliveredOn", date(vm.deliveredOn))
                .choice("delivery.modality", "assistance.modality", vm.modality, Arrays.asList(DeliveryModality.values()),
                        m::label)
                .add("delivery.description", "assistance.description", description)
                .add("delivery.amount", "assistance.amount", amount)
                .add("delivery.receipt", "assistance.receipt", new HBox(8, attach, receiptName));
        Button approve = new Button(m.get("assistance.approvePlan"));
        approve.setId("approvePlan");
        approve.disableProperty().bind(vm.busy().or(vm.deliveryPlan.isNull()));
        approve.setOnAction(e -> vm.approvePlan());
        Button save = new Button(m.get("assistance.recordDelivery"));
        save.setId("recordDelivery");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.recordDelivery());
        return new VBox(6, form.build(), new HBox(8, save, approve));
    }

    private Node planForm() {
        TextField currency = text(vm.currency);
        TextField notes = text(vm.planNotes);
        FormBuilder head = new FormBuilder(m, vm.errors()).section("assistance.newPlan")
                .add("plan.currency", "assistance.currency", currency)
                .add("plan.notes", "assistance.notes", notes);
        rebuildComponents();
        vm.components.addListener((ListChangeListener<AssistanceViewModel.ComponentRow>) c -> rebuildComponents());
        Button add = new Button(m.get("assistance.addComponent"));
        add.setId("addComponent");
        add.setOnAction(e -> vm.addComponentRow());
        Button save = new Button(m.get("assistance.createPlan"));
        save.setId("createPlan");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.createPlan());
        return new VBox(6, head.build(), componentsForm, new HBox(8, add, save));
    }

    private void rebuildComponents() {
        componentsForm.getChildren().clear();
        for (int i = 0; i < vm.components.size(); i++) {
            AssistanceViewModel.ComponentRow row = vm.components.get(i);
            String p = "plan.components." + i + ".";
            Label title = new Label(m.get("assistance.component", i + 1));
            title.getStyleClass().add("text-muted");
            FormBuilder form = new FormBuilder(m, vm.errors())
                    .choice(p + "category", "assistance.category", row.category, Arrays.asList(PlanCategory.values()),
                            m::label)
                    .add(p + "description", "assistance.description", text(row.description))
                    .add(p + "budget", "assistance.budget", text(row.budget));
            componentsForm.getChildren().addAll(title, form.build());
        }
    }

    // ---- referrals -------------------------------------------------------------------------------

    private Node referralsTab() {
        ListView<Referral> list = new ListView<>(referrals);
        list.setId("assistanceReferrals");
        list.setPrefHeight(160);
        list.setPlaceholder(new Label(m.get("assistance.referrals.none")));
        list.setCellFactory(lv -> cell(r -> m.get("assistance.referral.line", r.partnerName(), r.service(),
                m.label(r.status()), r.statusOn().toString())));
        vm.selectedReferral.bind(list.getSelectionModel().selectedItemProperty());
        FormBuilder update = new FormBuilder(m, vm.errors()).section("assistance.referralUpdate")
                .choice("referralUpdate.status", "assistance.newStatus", vm.newStatus,
                        Arrays.asList(ReferralStatus.values()), m::label)
                .add("referralUpdate.statusOn", "assistance.statusOn", date(vm.statusOn))
                .add("referralUpdate.feedback", "assistance.feedback", text(vm.feedback));
        Button saveStatus = new Button(m.get("assistance.saveStatus"));
        saveStatus.setId("saveReferralStatus");
        saveStatus.disableProperty().bind(vm.busy().or(vm.selectedReferral.isNull()));
        saveStatus.setOnAction(e -> vm.updateReferral());
        FormBuilder send = new FormBuilder(m, vm.errors()).section("assistance.referralTitle")
                .add("referral.partner", "assistance.partner", combo(vm.partners(), vm.partner,
                        p -> p.name() + " (" + p.country() + ")"))
                .add("referral.service", "assistance.service", text(vm.service))
                .add("referral.sentOn", "assistance.sentOn", date(vm.sentOn));
        Button refer = new Button(m.get("assistance.refer"));
        refer.setId("sendReferral");
        refer.getStyleClass().add("accent");
        refer.disableProperty().bind(vm.busy());
        refer.setOnAction(e -> vm.refer());
        VBox box = new VBox(12, list, writable(new VBox(6, update.build(), saveStatus)),
                writable(new VBox(6, send.build(), refer)));
        box.setPadding(new Insets(8));
        return box;
    }

    // ---- follow-up ---------------------------------------------------------------------------------

    private Node followUpsTab() {
        followUpList.setId("assistanceFollowUps");
        FormBuilder form = new FormBuilder(m, vm.errors()).section("assistance.followUpTitle")
                .add("followUp.visitOn", "assistance.visitOn", date(vm.visitOn))
                .choice("followUp.visitType", "assistance.visitType", vm.visitType, Arrays.asList(VisitType.values()),
                        m::label)
                .add("followUp.score", "assistance.score", text(vm.score))
                .add("followUp.notes", "assistance.notes", text(vm.visitNotes));
        Button save = new Button(m.get("assistance.recordFollowUp"));
        save.setId("recordFollowUp");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.recordFollowUp());
        VBox box = new VBox(12, followUpList, writable(new VBox(6, form.build(), save)), writable(surveyForm()));
        box.setPadding(new Insets(8));
        return box;
    }

    /** One choice per survey question, from the list of questions. */
    private Node surveyForm() {
        List<Integer> scale = List.of(1, 2, 3, 4, 5);
        FormBuilder form = new FormBuilder(m, vm.errors()).section("assistance.surveyTitle")
                .add("survey.surveyedOn", "assistance.surveyedOn", date(vm.surveyedOn))
                .choice("survey.overall", "assistance.overall", vm.overall, scale, String::valueOf);
        for (SurveyQuestion q : SurveyQuestion.values()) {
            form.add("survey.answer." + q.name(), "enum.SurveyQuestion." + q.name(),
                    combo(FXCollections.observableArrayList(scale), vm.answers.get(q), String::valueOf));
        }
        Button save = new Button(m.get("assistance.recordSurvey"));
        save.setId("recordSurvey");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.recordSurvey());
        return new VBox(6, form.build(), save);
    }

    // ---- timeline ----------------------------------------------------------------------------------

    private Node timelineTab() {
        ListView<TimelineItem> list = new ListView<>(vm.timeline());
        list.setId("assistanceTimeline");
        list.setPrefHeight(520);
        list.setPlaceholder(new Label(m.get("timeline.empty")));
        list.setCellFactory(lv -> cell(i -> i.date() + "   " + m.label(i.kind()) + " — " + m.get(i.summary())));
        VBox box = new VBox(8, Views.label(m, "timeline.title", "title-4"), list);
        box.setPadding(new Insets(8));
        return box;
    }

    // ---- showing a case ------------------------------------------------------------------------------

    private void show(AssistanceOverview o) {
        plansList.getChildren().clear();
        followUpList.getChildren().clear();
        if (o == null) {
            plans.clear();
            referrals.clear();
            return;
        }
        Plan keep = vm.deliveryPlan.get();
        plans.setAll(o.plans());
        vm.deliveryPlan.set(keep);
        referrals.setAll(o.referrals());
        if (o.plans().isEmpty()) {
            plansList.getChildren().add(Views.label(m, "assistance.plans.none", "text-muted"));
        }
        for (Plan p : o.plans()) {
            Label line = new Label(m.get("assistance.plan.line", p.draftedOn().toString(), m.label(p.status()),
                    p.budget().toPlainString(), p.currency()));
            line.getStyleClass().add("title-4");
            plansList.getChildren().add(line);
            for (PlanComponent c : p.components()) {
                plansList.getChildren().add(indent(new Label(m.get("assistance.component.line", m.label(c.category()),
                        c.description(), c.budget().toPlainString(), c.currency()))));
            }
            for (Delivery d : o.deliveries(p.id())) {
                plansList.getChildren().add(indent(new Label(m.get("assistance.delivery.line", d.deliveredOn().toString(),
                        m.label(d.modality()), d.description(), d.amountMinor() == 0 ? "" : d.amount().toPlainString(),
                        d.amountMinor() == 0 ? "" : d.currency()))));
            }
        }
        if (o.followUps().isEmpty()) {
            followUpList.getChildren().add(Views.label(m, "assistance.followUps.none", "text-muted"));
        }
        for (Survey sv : o.surveys()) {
            followUpList.getChildren().add(new Label(m.get("assistance.survey.line", sv.surveyedOn().toString(),
                    sv.overallScore())));
        }
        for (FollowUp f : o.followUps()) {
            followUpList.getChildren().add(new Label(m.get("assistance.followUp.line", f.visitOn().toString(),
                    m.label(f.visitType()), f.sustainabilityScore().map(String::valueOf).orElse("–"),
                    f.notes().orElse(""))));
        }
    }

    private static Node indent(Label l) {
        l.setPadding(new Insets(0, 0, 0, 18));
        return l;
    }

    private Node writable(Node n) {
        n.setVisible(false);
        n.setManaged(false);
        formsToToggle.add(n);
        return n;
    }

    private final java.util.List<Node> formsToToggle = new java.util.ArrayList<>();

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> ComboBox<T> combo(ObservableList<T> options, javafx.beans.property.ObjectProperty<T> value,
                                         Function<T, String> display) {
        ComboBox<T> box = new ComboBox<>(options);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(lv -> cell(display));
        box.setButtonCell(cell(display));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static TextField text(javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static DatePicker date(javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker d = new DatePicker();
        d.valueProperty().bindBidirectional(value);
        return d;
    }
}
