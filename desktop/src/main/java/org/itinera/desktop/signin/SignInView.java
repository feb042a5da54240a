package org.itinera.desktop.signin;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
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
        Hyperlink forgot = new Hyperlink(m.get("signin.forgot"));
        forgot.setId("forgotPassphrase");
        VBox recovery = recoveryPanel(vm, m);
        recovery.setVisible(false);
        recovery.managedProperty().bind(recovery.visibleProperty());
        forgot.setOnAction(e -> recovery.setVisible(!recovery.isVisible()));
        // whoever forgot their passphrase needs neither the passphrase field nor the sign-in button
        for (javafx.scene.Node n : java.util.List.of(passLabel, pass, actions)) {
            n.visibleProperty().bind(recovery.visibleProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        VBox card = new VBox(10, title, subtitle, spacer, userLabel, user, passLabel, pass, actions, forgot, recovery, error,
                language);
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

    /** Forgot passphrase: the one-time code from the hub and a new passphrase, twice (the token came by sync). */
    private static VBox recoveryPanel(SignInViewModel vm, Messages m) {
        WrappedText explain = new WrappedText(m.get("signin.recovery.explain"));
        explain.getStyleClass().add("text-muted");
        TextField code = new TextField();
        code.setId("resetCode");
        code.textProperty().bindBidirectional(vm.resetCode());
        PasswordField first = new PasswordField();
        first.setId("newPassphrase");
        first.textProperty().bindBidirectional(vm.newPassphrase());
        PasswordField again = new PasswordField();
        again.setId("newPassphraseAgain");
        again.textProperty().bindBidirectional(vm.newPassphraseAgain());
        Label codeLabel = Views.label(m, "signin.recovery.code");
        codeLabel.setLabelFor(code);
        Label firstLabel = Views.label(m, "signin.recovery.new");
        firstLabel.setLabelFor(first);
        Label againLabel = Views.label(m, "signin.recovery.again");
        againLabel.setLabelFor(again);
        Button reset = new Button(m.get("signin.recovery.button"));
        reset.setId("resetPassphrase");
        reset.setMaxWidth(Double.MAX_VALUE);
        reset.disableProperty().bind(vm.busy());
        reset.setOnAction(e -> vm.recover());
        VBox box = new VBox(8, explain, codeLabel, code, firstLabel, first, againLabel, again, reset);
        box.setId("recoveryPanel");
        return box;
    }
}
