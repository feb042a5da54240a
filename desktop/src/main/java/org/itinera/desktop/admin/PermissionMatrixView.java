package org.itinera.desktop.admin;

import org.itinera.desktop.ui.WrappedText;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Permission;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.Role;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** The permission table exactly as the services apply it: one row per permission, one column per role. */
final class PermissionMatrixView {
    private PermissionMatrixView() {
    }

    static Node create(PermissionTable table, Messages m) {
        GridPane grid = new GridPane();
        grid.setId("permissionMatrix");
        grid.setHgap(18);
        grid.setVgap(6);
        grid.getStyleClass().add("permission-matrix");
        Role[] roles = Role.values();
        for (int c = 0; c < roles.length; c++) {
            WrappedText h = new WrappedText(m.label(roles[c]));
            h.getStyleClass().add("text-bold");
            h.setMaxWidth(110);
            GridPane.setHalignment(h, HPos.CENTER);
            grid.add(h, c + 1, 0);
        }
        Permission[] perms = Permission.values();
        for (int r = 0; r < perms.length; r++) {
            Label name = new Label(m.label(perms[r]));
            name.setId("perm-" + perms[r].name());
            grid.add(name, 0, r + 1);
            for (int c = 0; c < roles.length; c++) {
                boolean allowed = table.allows(roles[c], perms[r]);
                Label cell = new Label(allowed ? "✓" : "—");
                cell.setId("cell-" + roles[c].name() + "-" + perms[r].name());
                cell.getStyleClass().add(allowed ? "success" : "text-muted");
                GridPane.setHalignment(cell, HPos.CENTER);
                grid.add(cell, c + 1, r + 1);
            }
        }
        VBox box = new VBox(12, Views.label(m, "matrix.explain", "text-muted"), grid);
        box.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
