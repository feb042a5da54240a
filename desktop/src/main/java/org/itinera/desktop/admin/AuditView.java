package org.itinera.desktop.admin;

import org.itinera.desktop.ui.WrappedText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.itinera.core.audit.AuditEntry;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** Filters on top, the trail in the middle, the chain check at the bottom. */
final class AuditView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditView() {
    }

    static Node create(AuditViewModel vm, Messages m) {
        TextField user = field("auditUser", m.get("audit.user"), vm.user());
        ComboBox<String> action = RolePicker.combo(vm.actions(), a -> a.isEmpty() ? m.get("audit.anyAction") : a);
        action.setId("auditAction");
        action.setPromptText(m.get("audit.action"));
        action.valueProperty().bindBidirectional(vm.action());
        TextField type = field("auditEntityType", m.get("audit.entityType"), vm.entityType());
        TextField id = field("auditEntityId", m.get("audit.entityId"), vm.entityId());
        id.setPrefColumnCount(22);
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText(m.get("audit.from"));
        from.valueProperty().bindBidirectional(vm.from());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText(m.get("audit.to"));
        to.valueProperty().bindBidirectional(vm.to());
        Button apply = new Button(m.get("audit.apply"));
        apply.setId("auditApply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.search());
        Button clear = new Button(m.get("audit.clear"));
        clear.setOnAction(e -> vm.clearFilters());
        FlowPane filters = new FlowPane(8, 8, user, action, type, id, from, to, apply, clear);

        TableView<AuditEntry> table = new TableView<>(vm.entries());
        table.setId("auditTable");
        table.setFixedCellSize(26);
        table.getColumns().setAll(
                UsersView.column(m, "audit.seq", e -> e.seq() == 0 ? "" : Long.toString(e.seq()), 70),
                UsersView.column(m, "audit.at", e -> e.seq() == 0 ? "" : TIME.format(e.at().atZone(ZoneId.systemDefault())), 150),
                UsersView.column(m, "audit.user", AuditEntry::user, 140),
                UsersView.column(m, "audit.action", AuditEntry::action, 150),
                UsersView.column(m, "audit.entity", e -> e.entityType() == null ? "" : e.entityType()
                        + (e.entityId() == null ? "" : " " + e.entityId()), 300),
                UsersView.column(m, "audit.outcome", e -> e.seq() == 0 ? "" : m.label(e.outcome()), 90),
                UsersView.column(m, "audit.detail", e -> e.detail() == null ? "" : e.detail(), 320));
        table.getColumns().forEach(c -> c.setSortable(false));
        Label count = new Label();
        count.setId("auditStatus");
        count.textProperty().bind(vm.status());

        Button verify = new Button(m.get("audit.verify"));
        verify.setId("auditVerify");
        verify.disableProperty().bind(vm.verifying());
        verify.setOnAction(e -> vm.verify());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.verifying());
        WrappedText result = new WrappedText();
        result.setId("auditVerification");
        result.textProperty().bind(vm.verification());
        vm.intact().addListener((o, a, ok) -> {
            result.getStyleClass().removeAll("success", "danger");
            if (ok != null) {
                result.getStyleClass().add(ok ? "success" : "danger");
            }
        });
        Label explain = Views.label(m, "audit.explain", "text-muted");
        HBox verifyBar = new HBox(8, verify, spinner, result);
        verifyBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        VBox box = new VBox(8, filters, count, table, verifyBar, explain);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        vm.loadActions();
        vm.search();
        return box;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField tf = new TextField();
        tf.setId(id);
        tf.setPromptText(prompt);
        tf.textProperty().bindBidirectional(value);
        return tf;
    }
}
