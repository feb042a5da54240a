package org.itinera.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A paragraph that wraps at word boundaries by itself, one single-line label per line.
 *
 * <p>Why not {@code Label.setWrapText(true)}: JavaFX 23 to 27 throw an ArrayIndexOutOfBoundsException
 * in {@code PrismTextLayout.computeTrailingSpaceWidth} whenever wrapped text contains a right-to-left
 * run (any Arabic sentence that needs two lines), which leaves the window black. Single-line text
 * is laid out correctly, so the line breaking is done here. An architecture test forbids
 * {@code setWrapText}/{@code setWrappingWidth} elsewhere.
 */
public final class WrappedText extends Region {
    private static final String OWN_CLASS = "wrapped-text";

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final Label probe = new Label("X");
    private final Text meter = new Text();
    private List<String> cache = List.of();
    private double cacheWidth = -1;
    private String cacheText;
    private List<String> shown = List.of();

    public WrappedText() {
        this("");
    }

    public WrappedText(String initial) {
        getStyleClass().add(OWN_CLASS);
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().add(probe);
        text.set(initial == null ? "" : initial);
        text.addListener((o, a, b) -> requestLayout());
        getStyleClass().addListener((ListChangeListener<String>) c -> {
            copyStyleClasses(probe);
            getChildren().stream().filter(n -> n instanceof Label).forEach(n -> copyStyleClasses((Label) n));
        });
        copyStyleClasses(probe);
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The text, never null (a bound text may be null: shown as nothing). */
    public String getText() {
        String t = text.get();
        return t == null ? "" : t;
    }

    public void setText(String s) {
        text.set(s == null ? "" : s);
    }

    /** The lines as currently broken (for tests). */
    public List<String> lines() {
        return shown;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.min(computePrefWidth(height), 40 + snappedLeftInset() + snappedRightInset());
    }

    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (String paragraph : getText().split("\n", -1)) {
            widest = Math.max(widest, measure(paragraph));
        }
        return Math.ceil(widest) + snappedLeftInset() + snappedRightInset() + 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? computePrefWidth(-1) : width;
        int count = Math.max(1, breakLines(w - snappedLeftInset() - snappedRightInset()).size());
        return count * lineHeight() + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        List<String> broken = breakLines(w);
        if (!broken.equals(shown)) {
            shown = broken;
            getChildren().retainAll(probe);
            for (String line : broken) {
                Label l = new Label(line);
                l.setAlignment(Pos.CENTER_LEFT);
                l.setMinWidth(0);
                copyStyleClasses(l);
                getChildren().add(l);
            }
        }
        double y = snappedTopInset();
        double h = lineHeight();
        for (var n : getChildren()) {
            if (n != probe) {
                n.resizeRelocate(snappedLeftInset(), y, w, h);
                y += h;
            }
        }
    }

    private double lineHeight() {
        probe.applyCss();
        return Math.ceil(probe.prefHeight(-1));
    }

    private List<String> breakLines(double width) {
        if (width == cacheWidth && getText().equals(cacheText)) {
            return cache;
        }
        List<String> out = new ArrayList<>();
        for (String paragraph : getText().split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (current.isEmpty() || measure(candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    out.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            out.add(current.toString());
        }
        if (out.size() == 1 && out.getFirst().isEmpty()) {
            out.clear();
        }
        cacheWidth = width;
        cacheText = getText();
        cache = List.copyOf(out);
        return cache;
    }

    private double measure(String s) {
        probe.applyCss();
        Font font = probe.getFont();
        meter.setFont(font);
        meter.setText(s);
        return meter.getLayoutBounds().getWidth();
    }

    private void copyStyleClasses(Label l) {
        List<String> classes = new ArrayList<>(List.of("label"));
        getStyleClass().stream().filter(c -> !c.equals(OWN_CLASS)).forEach(classes::add);
        l.getStyleClass().setAll(classes);
    }
}
