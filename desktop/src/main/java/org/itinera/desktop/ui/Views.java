package org.itinera.desktop.ui;

import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.itinera.desktop.i18n.Messages;

/** Small helpers every view uses. */
public final class Views {
    private Views() {
    }

    /** One line of text (never wrapped: see {@link WrappedText} for paragraphs). */
    public static Label label(Messages m, String key, String... styleClasses) {
        Label l = new Label(m.get(key));
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A paragraph that wraps at word boundaries, in any script. */
    public static WrappedText paragraph(Messages m, String key, String... styleClasses) {
        WrappedText t = new WrappedText(m.get(key));
        t.getStyleClass().addAll(styleClasses);
        return t;
    }

    /** Arabic lays out right to left; everything else left to right. */
    public static <N extends Node> N oriented(N node, Messages m) {
        node.setNodeOrientation(m.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        return node;
    }

    /** One wrapped paragraph per line of the list (records are read whole, never cut off). */
    public static javafx.scene.layout.VBox lines(javafx.collections.ObservableList<String> items, String empty) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4);
        box.getStyleClass().add("record-lines");
        Runnable fill = () -> {
            box.getChildren().clear();
            if (items.isEmpty()) {
                box.getChildren().add(new WrappedText(empty));
            }
            for (String line : items) {
                WrappedText t = new WrappedText("• " + line);
                t.getStyleClass().add("record-line");
                box.getChildren().add(t);
            }
        };
        items.addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        return box;
    }
}
