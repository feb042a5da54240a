package org.itinera.desktop.signin;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.itinera.desktop.i18n.Messages;

/** English / Français / العربية, each named in its own language. */
final class LanguagePicker {
    private LanguagePicker() {
    }

    static ComboBox<Locale> create(Messages current, Consumer<Locale> onPick) {
        ComboBox<Locale> box = new ComboBox<>();
        box.getItems().setAll(Messages.SUPPORTED);
        box.setValue(current.locale());
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Locale item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getDisplayLanguage(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setId("language");
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) {
                onPick.accept(b);
            }
        });
        return box;
    }
}
