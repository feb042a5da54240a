package org.itinera.desktop.signin;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/** The sign-in screen. In demo mode it says which accounts exist and their passphrase. */
public final class SignInView {
    private SignInView() {
    }

    public static Parent create(SignInViewModel vm, Messages m, String demoHint, Consumer<Locale> onLanguage) {
        Label title = Views.label(m, "app.name", "title-1");
        var subtitle = Views.paragraph(m, "signin.subtitle", "text-muted");
        TextField user = new TextField();
        user.setId("username");
        user.setPromptText(m.get("signin.username"));
        user.textProperty().bindBidirectional(vm.username());
        PasswordField pass = new PasswordField();
        pass.setId("passphrase");
        pass.setPromptText(m.get("signin.passphrase"));
        pass.textProperty().bindBidirectional(vm.passphrase());
        Button signIn = new Button(m.get("signin.button"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.busy());
        signIn.setOnAction(e -> vm.signIn());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.busy());
        spinner.managedProperty().bind(vm.busy());
        WrappedText error = new WrappedText();
        error.setId("signInError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.error());
        Label userLabel = Views.label(m, "signin.username");
        userLabel.setLabelFor(user);
        Label passLabel = Views.label(m, "signin.passphrase");
        passLabel.setLabelFor(pass);
        HBox actions = new HBox(8, signIn, spinner);
        HBox.setHgrow(signIn, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox language = new HBox(8, Views.label(m, "signin.language", "text-muted"),
                LanguagePicker.create(m, onLanguage));
        language.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, title, subtitle, spacer, userLabel, user, passLabel, pass, actions, error, language);
        if (demoHint != null) {
            WrappedText hint = new WrappedText(demoHint);
            hint.setId("demoHint");
            hint.getStyleClass().add("demo-hint");
            card.getChildren().add(hint);
        }
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(420);
        card.setPadding(new Insets(28));
        VBox root = new VBox(card);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("signin-root");
        user.requestFocus();
        return Views.oriented(root, m);
    }
}
