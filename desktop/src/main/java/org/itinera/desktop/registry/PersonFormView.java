package org.itinera.desktop.registry;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.Sex;
import org.itinera.core.reference.Country;
import org.itinera.core.reference.ReferenceData;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/** The person form, built with the form builder. */
final class PersonFormView {
    private PersonFormView() {
    }

    static Node create(PersonFormViewModel vm, Messages m, ReferenceData reference, Consumer<Person> onSaved,
                       Runnable onClose) {
        FormBuilder form = new FormBuilder(m, vm.errors())
                .section("person.section.names")
                .text("givenName", "person.givenName", vm.givenName)
                .text("middleName", "person.middleName", vm.middleName)
                .text("familyName", "person.familyName", vm.familyName)
                .text("givenNameOrig", "person.givenNameOrig", vm.givenNameOrig)
                .text("familyNameOrig", "person.familyNameOrig", vm.familyNameOrig)
                .section("person.section.identity")
                .choice("sex", "person.sex", vm.sex, Arrays.asList(Sex.values()), m::label)
                .text("birthDate", "person.birthDate", vm.birthDate)
                .check("birthEstimated", "person.birthEstimated", vm.birthEstimated)
                .choice("nationality", "person.nationality", vm.nationality, reference.countries(m.locale()),
                        (Country c) -> c.name(m.locale()))
                .text("placeOfBirth", "person.placeOfBirth", vm.placeOfBirth)
                .choice("primaryLanguage", "person.language", vm.language, PersonFormViewModel.COMMON_LANGUAGES,
                        code -> reference.language(code).map(l -> l.name() + " (" + code + ")").orElse(code))
                .text("phone", "person.phone", vm.phone);
        // original-script names are typed right to left whatever the interface language
        form.input("givenNameOrig").setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        form.input("familyNameOrig").setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        Label title = Views.label(m, vm.isNew() ? "person.new" : "person.edit", "title-3");
        var hint = Views.paragraph(m, "person.birthDateHint", "text-muted");
        Button save = new Button(m.get("common.save"));
        save.setId("savePerson");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.saving());
        save.setOnAction(e -> vm.save(onSaved));
        Button cancel = new Button(m.get("common.close"));
        cancel.setId("closePerson");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        WrappedText summary = new WrappedText();
        summary.setId("formSummary");
        summary.getStyleClass().add("field-error");
        summary.textProperty().bind(vm.summary());
        VBox box = new VBox(8, title, form.build(), hint);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        // the actions and the error summary stay in view however long the form
        VBox actions = new VBox(6, summary, new HBox(8, save, cancel));
        actions.setPadding(new Insets(8, 12, 12, 12));
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(scroll);
        pane.setBottom(actions);
        pane.setId("personForm");
        return pane;
    }
}
