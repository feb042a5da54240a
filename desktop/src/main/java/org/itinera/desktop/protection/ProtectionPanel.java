package org.itinera.desktop.protection;

import java.util.Arrays;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.protection.BestInterestStepType;
import org.itinera.core.protection.RiskLevel;
import org.itinera.core.protection.Vulnerability;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/** The protection tab of a person's file: screenings, best-interest steps, and the forms to add them. */
public final class ProtectionPanel {
    private ProtectionPanel() {
    }

    public static Node create(AppContext context, String personId) {
        Messages m = context.messages();
        ProtectionViewModel vm = new ProtectionViewModel(context.workspace(), context.executor(), m, personId);
        boolean canWrite = context.workspace().access().allowsSomewhere(context.workspace().actor(),
                Permission.PROTECTION_WRITE);
        return Views.oriented(build(vm, m, canWrite), m);
    }

    static Node build(ProtectionViewModel vm, Messages m, boolean canWrite) {
        VBox screenings = Views.lines(vm.screenings(), m.get("protection.noScreening"));
        screenings.setId("screeningList");
        VBox steps = Views.lines(vm.steps(), m.get("protection.noStep"));
        steps.setId("stepList");
        VBox box = new VBox(8, Views.label(m, "protection.title", "title-4"), Views.label(m, "protection.screenings"),
                screenings, Views.label(m, "protection.steps"), steps);
        if (canWrite) {
            ComboBox<CaseSummary> caseBox = new ComboBox<>(vm.cases());
            caseBox.valueProperty().bindBidirectional(vm.kase());
            caseBox.setCellFactory(lv -> new ListCell<>() {
                @Override
                protected void updateItem(CaseSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.caseNo() + " · " + m.label(item.type()));
                }
            });
            caseBox.setButtonCell(caseBox.getCellFactory().call(null));
            caseBox.setMaxWidth(Double.MAX_VALUE);
            FormBuilder form = new FormBuilder(m, vm.errors()).section("protection.section.screening")
                    .add("case", "protection.case", caseBox)
                    .text("screenedOn", "protection.screenedOn", vm.screenedOn());
            for (Vulnerability v : Vulnerability.values()) {
                form.check("need-" + v.name(), "enum.Vulnerability." + v.name(), vm.need(v));
            }
            form.text("otherNeed", "protection.otherNeed", vm.otherNeed())
                    .choice("risk", "protection.risk", vm.risk(), Arrays.asList(RiskLevel.values()), m::label)
                    .textArea("safetyPlan", "protection.safetyPlan", vm.safetyPlan(), 2)
                    .textArea("notes", "protection.notes", vm.notes(), 2)
                    .check("restrict", "protection.restrict", vm.restrict());
            Button save = new Button(m.get("protection.saveScreening"));
            save.setId("saveScreening");
            save.setOnAction(e -> vm.saveScreening());
            FormBuilder stepForm = new FormBuilder(m, vm.errors()).section("protection.section.step")
                    .choice("step", "protection.step", vm.step(), Arrays.asList(BestInterestStepType.values()), m::label)
                    .text("takenOn", "protection.takenOn", vm.stepOn())
                    .textArea("outcome", "protection.outcome", vm.stepOutcome(), 2);
            ((javafx.scene.control.TextField) form.input("screenedOn")).setPromptText(m.get("medical.dateHint"));
            ((javafx.scene.control.TextField) stepForm.input("takenOn")).setPromptText(m.get("medical.dateHint"));
            Button saveStep = new Button(m.get("protection.saveStep"));
            saveStep.setId("saveStep");
            saveStep.setOnAction(e -> vm.saveStep());
            WrappedText summary = new WrappedText();
            summary.setId("protectionSummary");
            summary.getStyleClass().add("field-error");
            summary.textProperty().bind(vm.summary());
            box.getChildren().addAll(form.build(), new HBox(8, save), stepForm.build(), new HBox(8, saveStep), summary);
        }
        WrappedText status = new WrappedText();
        status.setId("protectionStatus");
        status.textProperty().bind(vm.status());
        box.getChildren().add(status);
        box.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("protectionPanel");
        scroll.setFitToWidth(true);
        vm.load();
        return scroll;
    }
}
