package org.itinera.desktop.registry;

import javafx.animation.PauseTransition;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.itinera.core.casefile.MergedRecord;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;

/**
 * The "Merged records" tab: the persons merged into this one with their cases, an Unmerge button,
 * and "Merge a duplicate into this person", which opens a dialog to find the duplicate by name,
 * compare both, give the reason and confirm.
 */
final class MergePanel {
    private MergePanel() {
    }

    static Node create(MergeViewModel vm, Messages m) {
        ListView<MergedRecord> list = new ListView<>(vm.merged());
        list.setId("mergedList");
        list.setPrefHeight(220);
        list.setPlaceholder(new Label(m.get("merge.none")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(MergedRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.describe(item));
            }
        });
        vm.selectedMerged().bind(list.getSelectionModel().selectedItemProperty());
        WrappedText status = new WrappedText();
        status.setId("mergeStatus");
        status.textProperty().bind(vm.status());
        VBox box = new VBox(8, Views.label(m, "merge.title", "title-4"), Views.paragraph(m, "merge.explain"), list);
        if (vm.canMerge()) {
            Button unmerge = new Button(m.get("merge.unmerge"));
            unmerge.setId("unmerge");
            unmerge.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(vm.busy()));
            unmerge.setOnAction(e -> vm.unmergeSelected());
            Button merge = new Button(m.get("merge.action"));
            merge.setId("mergeDuplicate");
            merge.getStyleClass().add("accent");
            merge.disableProperty().bind(vm.busy());
            merge.setOnAction(e -> openDialog(vm, m, merge));
            box.getChildren().add(new HBox(8, merge, unmerge));
        }
        box.getChildren().add(status);
        box.setPadding(new Insets(12));
        box.setId("mergePanel");
        vm.refresh();
        return Views.oriented(box, m);
    }

    /** The merge dialog: not modal-blocking (the FX thread keeps running while it is open). */
    static Dialog<ButtonType> openDialog(MergeViewModel vm, Messages m, Node owner) {
        vm.startMerge();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(m.get("app.name"));
        dialog.setHeaderText(m.get("merge.dialogTitle"));
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        TextField search = new TextField();
        search.setId("mergeSearch");
        search.setPromptText(m.get("merge.searchPrompt"));
        search.textProperty().bindBidirectional(vm.query());
        PauseTransition debounce = new PauseTransition(Duration.millis(180));
        debounce.setOnFinished(e -> vm.search());
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnAction(e -> vm.search());
        ListView<PersonSummary> candidates = new ListView<>(vm.candidates());
        candidates.setId("mergeCandidates");
        candidates.setPrefHeight(140);
        candidates.setPlaceholder(new Label(m.get("merge.noCandidate")));
        candidates.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PersonSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.candidateLine(item));
            }
        });
        candidates.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.candidate().set(b));

        WrappedText survivor = new WrappedText(vm.describeThis());
        survivor.setId("mergeThis");
        WrappedText duplicate = new WrappedText(vm.describeCandidate());
        duplicate.setId("mergeOther");
        vm.candidate().addListener((o, a, b) -> duplicate.setText(vm.describeCandidate()));
        GridPane both = new GridPane();
        both.setHgap(16);
        both.setVgap(4);
        both.add(Views.label(m, "merge.keep", "text-bold"), 0, 0);
        both.add(Views.label(m, "merge.duplicate", "text-bold"), 1, 0);
        both.add(survivor, 0, 1);
        both.add(duplicate, 1, 1);
        survivor.setPrefWidth(260);
        duplicate.setPrefWidth(260);

        TextArea reason = new TextArea();
        reason.setId("mergeReason");
        reason.setPrefRowCount(2);
        reason.textProperty().bindBidirectional(vm.reason());
        WrappedText error = new WrappedText();
        error.setId("mergeError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.dialogError());

        VBox content = new VBox(8, Views.label(m, "merge.findDuplicate"), search, candidates, both,
                Views.label(m, "merge.reason"), reason, error);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        ButtonType confirm = new ButtonType(m.get("merge.confirm"), ButtonBar.ButtonData.OK_DONE);
        // our own Cancel: JavaFX has no Arabic for its built-in one
        ButtonType cancel = new ButtonType(m.get("merge.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel);
        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId("confirmMerge");
        ok.disableProperty().bind(vm.busy());
        // the dialog stays open until the merge succeeded: a refusal is shown inside it, the input kept
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (vm.readyToMerge()) {
                vm.merge(dialog::close);
            }
        });
        dialog.getDialogPane().setNodeOrientation(m.rightToLeft()
                ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        dialog.setResizable(true);
        HBox.setHgrow(search, Priority.ALWAYS);
        dialog.show();
        javafx.application.Platform.runLater(search::requestFocus);
        return dialog;
    }
}
