package org.itinera.desktop.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** Says plainly that an area is not built yet, and what it will hold. */
final class PlaceholderView {
    private PlaceholderView() {
    }

    static Node create(Area area, Messages m) {
        Label title = new Label(m.label(area));
        title.getStyleClass().add("title-2");
        var body = Views.paragraph(m, "placeholder." + area.name(), "text-muted");
        var status = Views.paragraph(m, "placeholder.notYet");
        VBox box = new VBox(12, title, status, body);
        box.setId("placeholder-" + area.name());
        box.setPadding(new Insets(32));
        box.setMaxWidth(720);
        return box;
    }
}
