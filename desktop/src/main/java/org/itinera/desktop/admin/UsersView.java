package org.itinera.desktop.admin;

import org.itinera.desktop.ui.WrappedText;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.itinera.core.access.UserAccount;
import org.itinera.core.reference.ReferenceData;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;

/** Accounts on the left; the selected account and a new account on the right. */
final class UsersView {
    private UsersView() {
    }

    static Node create(UsersViewModel vm, Messages m, ReferenceData reference) {
        TableView<UserAccount> table = new TableView<>(vm.users());
        table.setId("userTable");
        table.getColumns().setAll(
                column(m, "users.username", UserAccount::username, 110),
                column(m, "users.displayName", UserAccount::displayName, 130),
                column(m, "users.roles", vm::rolesText, 200),
                column(m, "users.office", u -> vm.officeOf(u).map(o -> o.code()).orElse(""), 60),
                column(m, "users.status", u -> m.get(u.active() ? "users.active" : "users.inactive"), 80));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("users.none")));
        vm.selected().bind(table.getSelectionModel().selectedItemProperty());
        WrappedText status = new WrappedText();
        status.setId("usersStatus");
        status.textProperty().bind(vm.status());
        VBox left = new VBox(8, table, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        VBox right = new VBox(12, newSection(vm, m, reference), selectedSection(vm, m, reference));
        right.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.55);
        vm.refresh();
        return split;
    }

    private static Node selectedSection(UsersViewModel vm, Messages m, ReferenceData reference) {
        FormBuilder form = new FormBuilder(m, vm.selectedErrors())
                .section("users.selected")
                .add("selRoles", "users.roles", RolePicker.create("sel-", vm.selectedRoles, m, vm.offices(),
                        reference.countries(m.locale())))
                .add("selPassphrase", "users.newPassphrase", password(vm.selectedPassphrase));
        Button saveRoles = button("saveRoles", m.get("users.saveRoles"), vm::saveRoles);
        Button setPass = button("setPassphrase", m.get("users.setPassphrase"), vm::setPassphrase);
        Button disable = button("disableUser", m.get("users.disable"), vm::disable);
        Button enable = button("enableUser", m.get("users.enable"), vm::enable);
        disable.visibleProperty().bind(vm.selected().map(UserAccount::active).orElse(false));
        disable.managedProperty().bind(disable.visibleProperty());
        enable.visibleProperty().bind(vm.selected().map(u -> !u.active()).orElse(false));
        enable.managedProperty().bind(enable.visibleProperty());
        Label hint = Views.label(m, "users.selectedHint", "text-muted");
        VBox box = new VBox(6, form.build(), new HBox(8, saveRoles, setPass, disable, enable), hint);
        box.disableProperty().bind(vm.selected().isNull().or(vm.busy()));
        box.setId("selectedUser");
        return box;
    }

    private static Node newSection(UsersViewModel vm, Messages m, ReferenceData reference) {
        FormBuilder form = new FormBuilder(m, vm.errors())
                .section("users.new")
                .text("username", "users.username", vm.username)
                .text("displayName", "users.displayName", vm.displayName)
                .choice("officeId", "users.office", vm.office, vm.offices(), o -> o.code() + " — " + o.name())
                .choice("locale", "users.language", vm.language, UsersViewModel.LANGUAGES, l -> m.get("language." + l))
                .add("roles", "users.roles", RolePicker.create("new-", vm.newRoles, m, vm.offices(),
                        reference.countries(m.locale())))
                .add("passphrase", "users.passphrase", password(vm.passphrase))
                .add("passphraseAgain", "users.passphraseAgain", password(vm.passphraseAgain));
        Label rules = Views.label(m, "firstrun.passphraseRules", "text-muted");
        Button create = button("createUser", m.get("users.create"), vm::create);
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.busy());
        return new VBox(6, form.build(), rules, create);
    }

    private static PasswordField password(StringProperty value) {
        PasswordField p = new PasswordField();
        p.textProperty().bindBidirectional(value);
        return p;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    static <T> TableColumn<T, String> column(Messages m, String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue() == null ? "" : value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
