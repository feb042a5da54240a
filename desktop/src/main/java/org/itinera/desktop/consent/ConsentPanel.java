package org.itinera.desktop.consent;

import org.itinera.desktop.ui.WrappedText;
import java.util.Arrays;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.itinera.core.consent.Consent;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.PersonConsent;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;

/** The consent tab of a person's file: the records, a new consent, a withdrawal. */
public final class ConsentPanel {
    private ConsentPanel() {
    }

    public static Node create(ConsentPanelViewModel vm, Messages m) {
        TableView<PersonConsent> table = new TableView<>(vm.consents());
        table.setId("consentTable");
        table.setPrefHeight(180);
        table.getColumns().setAll(
                col(m, "consent.purpose", pc -> m.label(pc.consent().purpose())
                        + pc.consent().partnerName().map(n -> " — " + n).orElse(""), 170),
                col(m, "consent.givenOn", pc -> pc.consent().givenOn().toString(), 90),
                col(m, "consent.method", pc -> m.label(pc.consent().method()) + proxy(pc.consent()), 110),
                col(m, "consent.expiresOn", pc -> pc.consent().expiresOn().map(Object::toString).orElse(""), 90),
                col(m, "consent.status", pc -> m.label(pc.status()) + pc.consent().withdrawnOn()
                        .map(d -> " " + d).orElse(""), 120));
        table.setPlaceholder(new Label(m.get("consent.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.selected().bind(table.getSelectionModel().selectedItemProperty());
        WrappedText status = new WrappedText();
        status.setId("consentStatus");
        status.textProperty().bind(vm.status());
        VBox box = new VBox(8, Views.label(m, "consent.title", "title-4"), table, status);
        if (vm.canWrite()) {
            // withdrawing acts on the row selected just above; recording a new consent comes after
            box.getChildren().addAll(withdrawForm(vm, m), recordForm(vm, m));
        }
        box.setPadding(new Insets(12));
        vm.refresh();
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("consentPanel");
        return scroll;
    }

    private static Node recordForm(ConsentPanelViewModel vm, Messages m) {
        DatePicker given = date(vm.givenOn);
        DatePicker expires = date(vm.expiresOn);
        TextField proxyName = new TextField();
        proxyName.textProperty().bindBidirectional(vm.proxyName);
        TextField proxyRel = new TextField();
        proxyRel.textProperty().bindBidirectional(vm.proxyRelationship);
        FormBuilder form = new FormBuilder(m, vm.errors()).section("consent.new")
                .choice("purpose", "consent.purpose", vm.purpose, Arrays.asList(ConsentPurpose.values()), m::label)
                .choice("partner", "consent.partner", vm.partner, vm.partners(), p -> p.name() + " (" + p.country() + ")")
                .add("givenOn", "consent.givenOn", given)
                .choice("method", "consent.method", vm.method, Arrays.asList(ConsentMethod.values()), m::label)
                .add("proxyName", "consent.proxyName", proxyName)
                .add("proxyRelationship", "consent.proxyRelationship", proxyRel)
                .add("expiresOn", "consent.expiresOn", expires);
        // the partner matters only for data sharing, the proxy only for consent given by a proxy
        showWhen(form.input("partner"), vm.purpose.isEqualTo(ConsentPurpose.DATA_SHARING));
        showWhen(form.input("proxyName"), vm.method.isEqualTo(ConsentMethod.PROXY));
        showWhen(form.input("proxyRelationship"), vm.method.isEqualTo(ConsentMethod.PROXY));
        Button save = new Button(m.get("consent.record"));
        save.setId("recordConsent");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.record());
        return new VBox(6, form.build(), save);
    }

    private static Node withdrawForm(ConsentPanelViewModel vm, Messages m) {
        TextField note = new TextField();
        note.textProperty().bindBidirectional(vm.withdrawalNote);
        FormBuilder form = new FormBuilder(m, vm.errors()).section("consent.withdrawTitle")
                .add("withdrawnOn", "consent.withdrawnOn", date(vm.withdrawnOn))
                .add("withdrawalNote", "consent.withdrawalNote", note);
        Button withdraw = new Button(m.get("consent.withdraw"));
        withdraw.setId("withdrawConsent");
        withdraw.disableProperty().bind(vm.selected().isNull().or(vm.busy()));
        withdraw.setOnAction(e -> vm.withdraw());
        return new VBox(6, form.build(), Views.label(m, "consent.withdrawHint", "text-muted"), withdraw);
    }

    private static void showWhen(Node input, javafx.beans.binding.BooleanBinding condition) {
        // the input sits in a box with its error line, in a grid row with its label
        Node box = input.getParent();
        box.visibleProperty().bind(condition);
        box.managedProperty().bind(condition);
        javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane) box.getParent();
        Integer row = javafx.scene.layout.GridPane.getRowIndex(box);
        grid.getChildren().stream().filter(n -> n != box && row.equals(javafx.scene.layout.GridPane.getRowIndex(n)))
                .forEach(n -> {
                    n.visibleProperty().bind(condition);
                    n.managedProperty().bind(condition);
                });
    }

    private static String proxy(Consent c) {
        return c.proxyName().map(n -> " (" + n + c.proxyRelationship().map(r -> ", " + r).orElse("") + ")").orElse("");
    }

    private static DatePicker date(javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker d = new DatePicker();
        d.valueProperty().bindBidirectional(value);
        return d;
    }

    private static javafx.scene.control.TableColumn<PersonConsent, String> col(Messages m, String key,
            java.util.function.Function<PersonConsent, String> f, double w) {
        javafx.scene.control.TableColumn<PersonConsent, String> c = new javafx.scene.control.TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(cd.getValue() == null ? ""
                : f.apply(cd.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false);
        return c;
    }
}
