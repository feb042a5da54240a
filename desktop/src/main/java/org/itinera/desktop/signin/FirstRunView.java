package org.itinera.desktop.signin;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.itinera.core.reference.Country;
import org.itinera.core.reference.ReferenceData;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/** The first-run screen: the first administrator and the office of this laptop. */
public final class FirstRunView {
    private FirstRunView() {
    }

    public static Parent create(FirstRunViewModel vm, Messages m, ReferenceData reference, Consumer<Locale> onLanguage) {
        PasswordField pass = new PasswordField();
        pass.textProperty().bindBidirectional(vm.passphrase());
        PasswordField again = new PasswordField();
        again.textProperty().bindBidirectional(vm.passphraseAgain());
        FormBuilder form = new FormBuilder(m, vm.errors())
                .section("firstrun.section.admin")
                .text("adminUsername", "firstrun.username", vm.username())
                .text("adminDisplayName", "firstrun.displayName", vm.displayName())
                .add("passphrase", "firstrun.passphrase", pass)
                .add("passphraseAgain", "firstrun.passphraseAgain", again)
                .section("firstrun.section.office")
                .text("officeCode", "firstrun.officeCode", vm.officeCode())
                .text("officeName", "firstrun.officeName", vm.officeName())
                .choice("officeCountry", "firstrun.country", vm.country(), reference.countries(m.locale()),
                        (Country c) -> c.name(m.locale()));
        Label title = Views.label(m, "firstrun.title", "title-2");
        var intro = Views.paragraph(m, "firstrun.intro", "text-muted");
        var rules = Views.paragraph(m, "firstrun.passphraseRules", "text-muted");
        Button create = new Button(m.get("firstrun.create"));
        create.setId("createInstallation");
        create.setDefaultButton(true);
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.busy());
        create.setOnAction(e -> vm.create());
        WrappedText error = new WrappedText();
        error.setId("firstRunError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.error());
        HBox language = new HBox(8, Views.label(m, "signin.language", "text-muted"), LanguagePicker.create(m, onLanguage));
        language.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, title, intro, rules, form.build(), create, error, language);
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(640);
        card.setPadding(new Insets(24));
        VBox root = new VBox(card);
        root.setAlignment(Pos.TOP_CENTER);
        root.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("signin-root");
        return Views.oriented(scroll, m);
    }
}
