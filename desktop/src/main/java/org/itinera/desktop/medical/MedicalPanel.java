package org.itinera.desktop.medical;

import java.util.Arrays;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.itinera.core.medical.AssessmentType;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.organisation.Partner;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/**
 * The medical tab of a person's file, for medical staff only: assessments and decisions so far,
 * then the form for a new pre-departure check (assessment and fitness decision, saved together).
 */
public final class MedicalPanel {
    private MedicalPanel() {
    }

    /** {@code onSaved} runs after a check was recorded (the person file refreshes its fitness line). */
    public static Node create(AppContext context, String personId, Runnable onSaved) {
        Messages m = context.messages();
        MedicalCheckViewModel vm = new MedicalCheckViewModel(context.workspace(), context.executor(), m, personId);
        vm.onSaved(onSaved);
        return Views.oriented(build(vm, m), m);
    }

    private static void prompt(FormBuilder form, String field, String text) {
        ((javafx.scene.control.TextInputControl) form.input(field)).setPromptText(text);
    }

    static Node build(MedicalCheckViewModel vm, Messages m) {
        VBox assessments = Views.lines(vm.assessments(), m.get("medical.noAssessment"));
        assessments.setId("assessmentList");
        VBox decisions = Views.lines(vm.decisions(), m.get("medical.noDecision"));
        decisions.setId("decisionList");

        FormBuilder form = new FormBuilder(m, vm.errors())
                .section("medical.section.assessment")
                .choice("type", "medical.type", vm.type(), Arrays.asList(AssessmentType.values()), m::label)
                .text("assessedOn", "medical.assessedOn", vm.assessedOn())
                .text("clinician", "medical.clinician", vm.clinician())
                .textArea("history", "medical.history", vm.history(), 2)
                .textArea("examination", "medical.examination", vm.examination(), 2)
                .textArea("tests", "medical.tests", vm.tests(), 2)
                .textArea("diagnoses", "medical.diagnoses", vm.diagnoses(), 2)
                .text("diagnosisCode", "medical.diagnosisCode", vm.diagnosisCode())
                .text("vaccinations", "medical.vaccinations", vm.vaccinations())
                .textArea("findings", "medical.findings", vm.findings(), 2)
                .section("medical.section.decision")
                .choice("decision", "medical.decision", vm.decision(), Arrays.asList(Fitness.values()), m::label)
                .choice("escort", "medical.escort", vm.escort(), Arrays.asList(EscortLevel.values()), m::label)
                .text("validFrom", "medical.validFromField", vm.validFrom())
                .text("validUntil", "medical.validUntilField", vm.validUntil())
                .textArea("conditions", "medical.conditions", vm.conditions(), 2);

        prompt(form, "assessedOn", m.get("medical.dateHint"));
        prompt(form, "validFrom", m.get("medical.dateHint"));
        prompt(form, "validUntil", m.get("medical.untilHint"));
        prompt(form, "tests", m.get("medical.testsHint"));
        prompt(form, "diagnosisCode", m.get("medical.codeHint"));
        WrappedText summary = new WrappedText();
        summary.setId("medicalSummary");
        summary.getStyleClass().add("field-error");
        summary.textProperty().bind(vm.summary());
        WrappedText status = new WrappedText();
        status.setId("medicalStatus");
        status.textProperty().bind(vm.status());
        Button save = new Button(m.get("medical.save"));
        save.setId("saveMedicalCheck");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy().or(vm.keyMissing()));
        save.setOnAction(e -> vm.save());

        VBox box = new VBox(8, Views.label(m, "medical.title", "title-4"));
        if (vm.keyMissing().get()) {
            WrappedText missing = Views.paragraph(m, "medical.keyMissing");
            missing.setId("medicalKeyMissing");
            box.getChildren().add(missing);
        }
        VBox referrals = Views.lines(vm.referrals(), m.get("medical.noReferral"));
        referrals.setId("referralList");
        ComboBox<Partner> facility = new ComboBox<>(vm.facilities());
        facility.valueProperty().bindBidirectional(vm.facility());
        facility.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Partner item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        facility.setButtonCell(facility.getCellFactory().call(null));
        facility.setMaxWidth(Double.MAX_VALUE);
        FormBuilder referral = new FormBuilder(m, vm.errors()).section("medical.section.referral")
                .add("facility", "medical.facility", facility)
                .text("referredOn", "medical.referredOn", vm.referredOn())
                .textArea("reason", "medical.reason", vm.referralReason(), 2);
        prompt(referral, "referredOn", m.get("medical.dateHint"));
        Button refer = new Button(m.get("medical.refer"));
        refer.setId("refer");
        refer.disableProperty().bind(vm.busy().or(vm.keyMissing()));
        refer.setOnAction(e -> vm.refer());
        box.getChildren().addAll(Views.label(m, "medical.assessments"), assessments,
                Views.label(m, "medical.decisions"), decisions, Views.label(m, "medical.referrals"), referrals,
                form.build(), summary, new HBox(8, save), status, referral.build(), new HBox(8, refer));
        box.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("medicalPanel");
        scroll.setFitToWidth(true);
        vm.load();
        return scroll;
    }
}
