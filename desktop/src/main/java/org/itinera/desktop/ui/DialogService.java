package org.itinera.desktop.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.itinera.desktop.i18n.Messages;

/** The one way screens show messages and ask for confirmation; laid out right-to-left for Arabic. */
public final class DialogService {
    private final Messages messages;
    private final Window owner;

    public DialogService(Messages messages, Window owner) {
        this.messages = messages;
        this.owner = owner;
    }

    public void error(String headerKey, String text) {
        show(Alert.AlertType.ERROR, messages.get(headerKey), text);
    }

    public void info(String headerKey, String text) {
        show(Alert.AlertType.INFORMATION, messages.get(headerKey), text);
    }

    public boolean confirm(String headerKey, String text) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, messages.get(headerKey), text);
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ButtonType.OK;
    }

    private void show(Alert.AlertType type, String header, String text) {
        alert(type, header, text).show();
    }

    private Alert alert(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, "", ButtonType.OK);
        // our own wrapping: the dialog's wrapped label breaks on right-to-left text (see WrappedText)
        WrappedText content = new WrappedText(text);
        content.setPrefWidth(420);
        a.getDialogPane().setContent(content);
        if (type == Alert.AlertType.CONFIRMATION) {
            a.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        }
        a.initOwner(owner);
        a.setTitle(messages.get("app.name"));
        a.setHeaderText(header);
        a.getDialogPane().setNodeOrientation(messages.rightToLeft()
                ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        return a;
    }
}
