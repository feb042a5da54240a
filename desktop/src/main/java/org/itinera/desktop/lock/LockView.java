package org.itinera.desktop.lock;

import org.itinera.desktop.ui.WrappedText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** The lock screen: nothing of the work behind it is visible, only who holds the session. */
public final class LockView {
    private LockView() {
    }

    public static Parent create(LockViewModel vm, Messages m, Runnable onSignOut) {
        Label title = Views.label(m, "lock.title", "title-1");
        WrappedText who = new WrappedText(vm.who());
        who.setId("lockedUser");
        Label explain = Views.label(m, "lock.explain", "text-muted");
        PasswordField pass = new PasswordField();
        pass.setId("unlockPassphrase");
        pass.setPromptText(m.get("signin.passphrase"));
        pass.textProperty().bindBidirectional(vm.passphrase());
        Label passLabel = Views.label(m, "signin.passphrase");
        passLabel.setLabelFor(pass);
        Button unlock = new Button(m.get("lock.unlock"));
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.disableProperty().bind(vm.busy());
        unlock.setOnAction(e -> vm.unlock());
        Button signOut = new Button(m.get("lock.signOut"));
        signOut.setId("lockSignOut");
        signOut.setOnAction(e -> onSignOut.run());
        WrappedText error = new WrappedText();
        error.setId("unlockError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.error());
        HBox actions = new HBox(8, unlock, signOut);
        HBox.setHgrow(unlock, Priority.ALWAYS);
        VBox card = new VBox(10, title, who, explain, passLabel, pass, actions, error);
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(420);
        card.setPadding(new Insets(28));
        VBox root = new VBox(card);
        root.setId("lockScreen");
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("signin-root");
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(pass::requestFocus);
            }
        });
        return Views.oriented(root, m);
    }
}
