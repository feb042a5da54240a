package org.itinera.desktop.admin;

import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Role;
import org.itinera.core.organisation.Office;
import org.itinera.core.reference.Country;
import org.itinera.desktop.i18n.Messages;

/** Check boxes for the roles and a scope chooser, bound to a {@link RoleSelection}. */
final class RolePicker {
    private RolePicker() {
    }

    static Node create(String idPrefix, RoleSelection sel, Messages m, List<Office> offices, List<Country> countries) {
        FlowPane boxes = new FlowPane(12, 6);
        for (Role r : Role.values()) {
            CheckBox cb = new CheckBox(m.label(r));
            cb.setId(idPrefix + "role-" + r.name());
            cb.selectedProperty().bindBidirectional(sel.role(r));
            boxes.getChildren().add(cb);
        }
        ComboBox<RoleSelection.Scope> scope = combo(Arrays.asList(RoleSelection.Scope.values()), m::label);
        scope.setId(idPrefix + "scope");
        scope.valueProperty().bindBidirectional(sel.scope());
        ComboBox<Office> office = combo(offices, o -> o.code() + " — " + o.name());
        office.setId(idPrefix + "scopeOffice");
        office.valueProperty().bindBidirectional(sel.office());
        office.visibleProperty().bind(sel.scope().isEqualTo(RoleSelection.Scope.OFFICE));
        office.managedProperty().bind(office.visibleProperty());
        ComboBox<Country> country = combo(countries, c -> c.name(m.locale()));
        country.setId(idPrefix + "scopeCountry");
        country.valueProperty().bindBidirectional(sel.country());
        country.visibleProperty().bind(sel.scope().isEqualTo(RoleSelection.Scope.COUNTRY));
        country.managedProperty().bind(country.visibleProperty());
        return new VBox(6, boxes, new HBox(8, scope, office, country));
    }

    static <T> ComboBox<T> combo(List<T> items, java.util.function.Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(items));
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        return box;
    }
}
