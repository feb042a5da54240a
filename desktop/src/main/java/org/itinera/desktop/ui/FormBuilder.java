package org.itinera.desktop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.itinera.desktop.i18n.Messages;

/**
 * Builds a form in code from a list of fields: label, input bound to a ViewModel property, and an
 * error line under the input that shows the ViewModel's error for that field. Forms of every module
 * are made with it, so they look and behave the same and need no hand-laid FXML.
 */
public final class FormBuilder {
    private final Messages messages;
    private final ObservableMap<String, String> errors;
    private final GridPane grid = new GridPane();
    private final Map<String, Node> inputs = new LinkedHashMap<>();
    private int row;

    public FormBuilder(Messages messages, ObservableMap<String, String> errors) {
        this.messages = messages;
        this.errors = errors;
        grid.setHgap(12);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
    }

    public FormBuilder text(String field, String labelKey, StringProperty value) {
        TextField tf = new TextField();
        tf.textProperty().bindBidirectional(value);
        return add(field, labelKey, tf);
    }

    /**
     * A multi-line text input. It scrolls horizontally instead of wrapping (JavaFX wraps right-to-left
     * text wrongly; see docs/architecture.md).
     */
    public FormBuilder textArea(String field, String labelKey, StringProperty value, int rows) {
        TextArea ta = new TextArea();
        ta.setPrefRowCount(rows);
        ta.textProperty().bindBidirectional(value);
        return add(field, labelKey, ta);
    }

    public FormBuilder section(String titleKey) {
        Label l = new Label(messages.get(titleKey));
        l.getStyleClass().addAll("form-section", "title-4");
        GridPane.setColumnSpan(l, 2);
        grid.add(l, 0, row++);
        return this;
    }

    public <T> FormBuilder choice(String field, String labelKey, ObjectProperty<T> value, List<T> options,
                                  Function<T, String> display) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(options));
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : display.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setMaxWidth(Double.MAX_VALUE);
        return add(field, labelKey, box);
    }

    public FormBuilder check(String field, String labelKey, BooleanProperty value) {
        CheckBox cb = new CheckBox(messages.get(labelKey));
        cb.selectedProperty().bindBidirectional(value);
        return add(field, null, cb);
    }

    /** Adds any input under a label, with the error line for {@code field}. */
    public FormBuilder add(String field, String labelKey, Node input) {
        input.setId(field);
        inputs.put(field, input);
        if (labelKey != null) {
            Label label = new Label(messages.get(labelKey));
            label.setLabelFor(input);
            grid.add(label, 0, row);
        }
        WrappedText error = new WrappedText();
        error.setId(field + "-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(javafx.beans.binding.Bindings.valueAt(errors, field));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(2, input, error);
        grid.add(box, 1, row++);
        errors.addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            if (c.getKey().equals(field)) {
                input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), c.wasAdded());
            }
        });
        return this;
    }

    public Node input(String field) {
        return inputs.get(field);
    }

    public GridPane build() {
        return grid;
    }
}
