package org.itinera.desktop.medical;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Permission;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.registry.RegistryScreen;
import org.itinera.desktop.ui.Views;

/**
 * The medical area: the person search of the registry, whose person files carry a Medical tab for
 * medical staff. Others are told the area is for medical staff.
 */
public final class MedicalScreen {
    private MedicalScreen() {
    }

    public static Node create(AppContext context) {
        Messages m = context.messages();
        var ws = context.workspace();
        if (!ws.access().allowsSomewhere(ws.actor(), Permission.MEDICAL_DETAIL_READ)) {
            VBox box = new VBox(Views.paragraph(m, "medical.area.notMedical"));
            box.setPadding(new Insets(24));
            return Views.oriented(box, m);
        }
        VBox top = new VBox(Views.paragraph(m, "medical.area.hint"));
        top.setPadding(new Insets(8, 12, 0, 12));
        BorderPane root = new BorderPane(RegistryScreen.create(context));
        root.setTop(Views.oriented(top, m));
        return root;
    }
}
