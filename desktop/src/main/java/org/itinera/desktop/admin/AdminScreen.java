package org.itinera.desktop.admin;

import org.itinera.desktop.ui.WrappedText;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.FormBuilder;
import org.itinera.desktop.ui.Views;

/**
 * The administration area. Everyone sees the permission table and their own account; user
 * administration, the audit trail and this laptop's settings appear only for the roles whose
 * permissions the services would accept (the services check again).
 */
public final class AdminScreen {
    private AdminScreen() {
    }

    public static Node create(AppContext context) {
        Workspace ws = context.workspace();
        Messages m = context.messages();
        Actor actor = ws.actor();
        TabPane tabs = new TabPane();
        tabs.setId("adminTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (ws.access().allowsSomewhere(actor, Permission.USER_ADMIN)) {
            tabs.getTabs().add(tab("admin.tab.users", m, () -> UsersView.create(new UsersViewModel(ws, context.executor(), m,
                    ws.offices().all()), m, ws.reference())));
        }
        if (ws.access().allowsSomewhere(actor, Permission.AUDIT_READ)) {
            tabs.getTabs().add(tab("admin.tab.audit", m, () -> AuditView.create(new AuditViewModel(ws, context.executor(), m), m)));
        }
        tabs.getTabs().add(tab("admin.tab.matrix", m, () -> PermissionMatrixView.create(ws.access().table(), m)));
        if (ws.access().allowsSomewhere(actor, Permission.DEVICE_ADMIN)) {
            DeviceViewModel deviceVm = new DeviceViewModel(ws, context.executor(), m, () -> context.sync().recovery());
            Tab device = tab("admin.tab.device", m, () -> device(deviceVm, m));
            // the recovery status changes with sync imports: read it again each time the tab is shown
            device.selectedProperty().addListener((o, was, now) -> {
                if (now && device.getContent() != null) {
                    deviceVm.load();
                }
            });
            tabs.getTabs().add(device);
        }
        tabs.getTabs().add(tab("admin.tab.account", m, () -> account(new AccountViewModel(ws, context.executor(), m), m)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> build(t));
        build(tabs.getSelectionModel().getSelectedItem());
        return Views.oriented(tabs, m);
    }

    /** Tabs are built when first shown, so opening the area costs only what is looked at. */
    private static Tab tab(String key, Messages m, java.util.function.Supplier<Node> content) {
        Tab t = new Tab(m.get(key));
        t.setId(key);
        t.setUserData(content);
        return t;
    }

    @SuppressWarnings("unchecked")
    private static void build(Tab t) {
        if (t != null && t.getContent() == null) {
            t.setContent(((java.util.function.Supplier<Node>) t.getUserData()).get());
        }
    }

    private static Node account(AccountViewModel vm, Messages m) {
        FormBuilder form = new FormBuilder(m, vm.errors()).section("account.title")
                .add("currentPassphrase", "account.current", password(vm.current()))
                .add("newPassphrase", "account.new", password(vm.replacement()))
                .add("newPassphraseAgain", "account.again", password(vm.again()));
        Button change = new Button(m.get("account.change"));
        change.setId("changePassphrase");
        change.getStyleClass().add("accent");
        change.disableProperty().bind(vm.busy());
        change.setOnAction(e -> vm.change());
        WrappedText status = new WrappedText();
        status.setId("accountStatus");
        status.textProperty().bind(vm.status());
        VBox box = new VBox(8, form.build(), Views.label(m, "firstrun.passphraseRules", "text-muted"), change, status);
        box.setPadding(new Insets(12));
        box.setMaxWidth(720);
        return box;
    }

    private static Node device(DeviceViewModel vm, Messages m) {
        TextField minutes = new TextField();
        minutes.textProperty().bindBidirectional(vm.idleMinutes());
        minutes.setPrefColumnCount(4);
        TextField signing = new TextField();
        signing.textProperty().bindBidirectional(vm.hubSigningKey);
        TextField escrow = new TextField();
        escrow.textProperty().bindBidirectional(vm.hubEscrowKey);
        FormBuilder form = new FormBuilder(m, vm.errors()).section("device.lock")
                .add("idleMinutes", "device.idleMinutes", minutes);
        Button saveIdle = new Button(m.get("common.save"));
        saveIdle.setId("saveIdle");
        saveIdle.setOnAction(e -> vm.saveIdle());
        WrappedText hubState = new WrappedText();
        hubState.setId("hubRecoveryState");
        hubState.textProperty().bind(vm.hubRecovery());
        Button enrolHub = new Button(m.get("device.enrolHub"));
        enrolHub.setId("enrolWithHub");
        enrolHub.getStyleClass().add("accent");
        enrolHub.disableProperty().bind(vm.busy());
        enrolHub.setOnAction(e -> vm.enrolWithHub());
        FormBuilder recovery = new FormBuilder(m, vm.errors()).section("device.recovery")
                .add("hubSigningKey", "device.hubSigningKey", signing)
                .add("hubEscrowKey", "device.hubEscrowKey", escrow);
        WrappedText recoveryState = new WrappedText();
        recoveryState.setId("recoveryState");
        recoveryState.textProperty().bind(vm.recovery());
        Button enrol = new Button(m.get("device.enrol"));
        enrol.setId("enrolRecovery");
        enrol.setOnAction(e -> vm.enrol());
        WrappedText status = new WrappedText();
        status.setId("deviceStatus");
        status.textProperty().bind(vm.status());
        VBox box = new VBox(8, form.build(), saveIdle, new FormBuilder(m, vm.errors()).section("device.hubRecovery").build(),
                hubState, muted(m, "device.hubExplain"), enrolHub, recovery.build(), recoveryState,
                muted(m, "device.recoveryExplain"), enrol, status);
        box.setPadding(new Insets(12));
        box.setMaxWidth(820);
        vm.load();
        return box;
    }

    /** A muted explanation that wraps instead of being cut short. */
    private static WrappedText muted(Messages m, String key) {
        WrappedText t = new WrappedText();
        t.setText(m.get(key));
        t.getStyleClass().add("text-muted");
        return t;
    }

    private static PasswordField password(javafx.beans.property.StringProperty value) {
        PasswordField p = new PasswordField();
        p.textProperty().bindBidirectional(value);
        return p;
    }
}
