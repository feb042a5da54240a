package org.itinera.desktop.sync;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.SyncComponents;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;
import org.itinera.desktop.ui.WrappedText;
import org.itinera.sync.exchange.ConflictService;

/**
 * The sync area: import packages (files or a folder, e.g. a USB stick) with a report per package,
 * export for a peer, review conflicts, and the state of every peer. Tabs appear only for the
 * permissions the services would accept.
 */
public final class SyncScreen {
    private SyncScreen() {
    }

    public static Node create(AppContext context) {
        Workspace ws = context.workspace();
        Messages m = context.messages();
        Actor actor = ws.actor();
        SyncComponents sync = context.sync();
        TabPane tabs = new TabPane();
        tabs.setId("syncTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (ws.access().allowsSomewhere(actor, Permission.SYNC_EXCHANGE)) {
            tabs.getTabs().add(tab(m, "sync.ui.tab.import",
                    importView(new ImportViewModel(sync.imports(), actor, context.executor(), m), m)));
            ExportViewModel export = new ExportViewModel(sync.export(), actor, context.executor(), m);
            tabs.getTabs().add(tab(m, "sync.ui.tab.export", exportView(export, m)));
            export.load();
        }
        if (ws.access().allowsSomewhere(actor, Permission.SYNC_CONFLICT_RESOLVE)) {
            ConflictsViewModel conflicts = new ConflictsViewModel(sync.conflicts(), actor, context.executor(), m);
            tabs.getTabs().add(reloading(tab(m, "sync.ui.tab.conflicts", conflictsView(conflicts, m)), conflicts::load));
            conflicts.load();
        }
        if (ws.access().allowsSomewhere(actor, Permission.SYNC_EXCHANGE)) {
            PeersViewModel peers = new PeersViewModel(sync.peers(), actor, context.executor(), m,
                    sync.deviceKeys().fingerprint().map(f -> f.value()).orElse("?"));
            tabs.getTabs().add(reloading(tab(m, "sync.ui.tab.peers", peersView(peers, m)), peers::load));
            peers.load();
        }
        return Views.oriented(tabs, m);
    }

    private static Tab tab(Messages m, String key, Node content) {
        Tab t = new Tab(m.get(key), content);
        t.setId(key);
        return t;
    }

    /** A tab whose content is read again each time it is shown (an import may have changed it). */
    private static Tab reloading(Tab t, Runnable load) {
        t.setOnSelectionChanged(e -> {
            if (t.isSelected()) {
                load.run();
            }
        });
        return t;
    }

    private static HBox row(Node... children) {
        HBox box = new HBox(8, children);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static VBox page(Node... children) {
        VBox box = new VBox(12, children);
        box.setPadding(new Insets(16));
        return box;
    }

    static Node importView(ImportViewModel vm, Messages m) {
        ListView<Path> files = new ListView<>(vm.files());
        files.setId("importFiles");
        files.setPrefHeight(120);
        Button pickFiles = new Button(m.get("sync.ui.import.pickFiles"));
        pickFiles.setId("pickFiles");
        pickFiles.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("sync.ui.import.filter"), "*.itp"));
            List<File> picked = chooser.showOpenMultipleDialog(pickFiles.getScene().getWindow());
            if (picked != null) {
                vm.add(picked.stream().map(File::toPath).toList());
            }
        });
        Button pickFolder = new Button(m.get("sync.ui.import.pickFolder"));
        pickFolder.setId("pickFolder");
        pickFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(pickFolder.getScene().getWindow());
            if (dir != null) {
                vm.add(List.of(dir.toPath()));
            }
        });
        TextField typed = new TextField();
        typed.setId("importPath");
        typed.setPromptText(m.get("sync.ui.import.typePath"));
        HBox.setHgrow(typed, Priority.ALWAYS);
        Button addTyped = new Button(m.get("sync.ui.import.add"));
        addTyped.setId("addImportPath");
        addTyped.setOnAction(e -> {
            if (!typed.getText().isBlank()) {
                vm.add(List.of(Path.of(typed.getText().strip())));
                typed.clear();
            }
        });
        Button run = new Button(m.get("sync.ui.import.run"));
        run.setId("runImport");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busy());
        run.setOnAction(e -> vm.importAll());
        Button clear = new Button(m.get("sync.ui.import.clear"));
        clear.setId("clearImport");
        clear.setOnAction(e -> vm.clear());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progress());
        bar.visibleProperty().bind(vm.busy());
        WrappedText status = new WrappedText();
        status.setId("importStatus");
        status.textProperty().bind(vm.status());
        ListView<ImportViewModel.ReportRow> reports = new ListView<>(vm.reports());
        reports.setId("importReports");
        reports.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ImportViewModel.ReportRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label head = new Label(r.file() + " — " + r.outcome());
                head.getStyleClass().add("text-bold");
                VBox box = new VBox(2, head, new WrappedText(r.sentence()));
                r.notApplied().forEach(x -> box.getChildren().add(new WrappedText(x)));
                box.prefWidthProperty().bind(lv.widthProperty().subtract(40));
                setText(null);
                setGraphic(box);
            }
        });
        VBox.setVgrow(reports, Priority.ALWAYS);
        return page(Views.paragraph(m, "sync.ui.import.intro"), new HBox(8, pickFiles, pickFolder, clear),
                new HBox(8, typed, addTyped), files,
                new HBox(8, run, bar), status, reports);
    }

    static Node exportView(ExportViewModel vm, Messages m) {
        ComboBox<ExportViewModel.PeerChoice> peer = new ComboBox<>(vm.peers());
        peer.setId("exportPeer");
        peer.valueProperty().bindBidirectional(vm.peer());
        TextField folder = new TextField();
        folder.setId("exportFolder");
        folder.textProperty().bindBidirectional(vm.folder());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(m.get("sync.ui.export.choose"));
        choose.setId("exportChoose");
        choose.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(choose.getScene().getWindow());
            if (dir != null) {
                vm.folder().set(dir.toString());
            }
        });
        Button run = new Button(m.get("sync.ui.export.run"));
        run.setId("runExport");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busy());
        run.setOnAction(e -> vm.exportNow());
        Button cancel = new Button(m.get("sync.ui.export.cancel"));
        cancel.setId("cancelExport");
        cancel.disableProperty().bind(vm.busy().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progress());
        WrappedText status = new WrappedText();
        status.setId("exportStatus");
        status.textProperty().bind(vm.status());
        ListView<String> summary = new ListView<>(vm.summary());
        summary.setId("exportSummary");
        VBox.setVgrow(summary, Priority.ALWAYS);
        return page(Views.paragraph(m, "sync.ui.export.intro"), row(Views.label(m, "sync.ui.export.peer"), peer),
                row(Views.label(m, "sync.ui.export.folder"), folder, choose), row(run, cancel, bar), status, summary);
    }

    static Node conflictsView(ConflictsViewModel vm, Messages m) {
        ListView<ConflictService.Conflict> list = new ListView<>(vm.open());
        list.setId("conflictList");
        list.setPrefHeight(160);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictService.Conflict c, boolean empty) {
                super.updateItem(c, empty);
                String title = empty || c == null ? null : vm.title(c);
                setAccessibleText(title);
                if (title != null && title.indexOf(SyncLabels.FSI) >= 0) {
                    setText(null);
                    setGraphic(sentence(title));
                } else {
                    setGraphic(null);
                    setText(title);
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.selected().set(c);
            }
        });
        VBox versions = new VBox(8);
        versions.setId("conflictVersions");
        vm.selected().addListener((o, a, c) -> showVersions(vm, m, versions, c));
        WrappedText status = new WrappedText();
        status.setId("conflictStatus");
        status.textProperty().bind(vm.status());
        return page(Views.paragraph(m, "sync.ui.conflicts.intro"), status, list, versions);
    }

    private static void showVersions(ConflictsViewModel vm, Messages m, VBox box, ConflictService.Conflict c) {
        box.getChildren().clear();
        if (c == null) {
            return;
        }
        for (int i = 0; i < c.versions().size(); i++) {
            int index = i;
            Node text = sentence(vm.describe(c, c.versions().get(i)));
            HBox.setHgrow(text, Priority.ALWAYS);
            Button keep = new Button(m.get("sync.ui.conflicts.keep"));
            keep.setId("keepVersion" + i);
            keep.setOnAction(e -> vm.keep(index));
            HBox row = new HBox(12, keep, text);
            box.getChildren().add(row);
        }
    }

    /**
     * A sentence whose parts from the data are marked with Unicode isolates ({@link SyncLabels#isolate},
     * right-to-left languages only). JavaFX orders isolates right but draws them as boxes, so here each
     * marked part becomes a label of its own, laid out in the direction of its first strong letter
     * (what U+2068 means), between labels holding the words around it. Without marks: one wrapped text.
     */
    static Node sentence(String text) {
        if (text.indexOf(SyncLabels.FSI) < 0) {
            return new WrappedText(text);
        }
        HBox line = new HBox();
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.setAccessibleText(SyncLabels.withoutIsolates(text));
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf(SyncLabels.FSI, at);
            if (open < 0) {
                line.getChildren().add(words(text.substring(at)));
                break;
            }
            if (open > at) {
                line.getChildren().add(words(text.substring(at, open)));
            }
            int close = text.indexOf(SyncLabels.PDI, open);
            close = close < 0 ? text.length() : close;
            String part = text.substring(open + 1, close);
            Label value = new Label(part);
            value.getStyleClass().add("sync-value");
            value.setNodeOrientation(SyncLabels.leftToRight(part) ? javafx.geometry.NodeOrientation.LEFT_TO_RIGHT
                    : javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
            line.getChildren().add(value);
            at = close + 1;
        }
        return line;
    }

    /**
     * Words of the sentence between data parts. A part with no letter (an opening quote alone) is laid
     * out left to right so that JavaFX does not mirror it into the closing quote.
     */
    private static Label words(String text) {
        Label l = new Label(text);
        if (text.codePoints().noneMatch(Character::isLetter)) {
            l.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        }
        return l;
    }

    static Node peersView(PeersViewModel vm, Messages m) {
        ListView<PeersViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("peerList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PeersViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(r.name());
                name.getStyleClass().add("text-bold");
                VBox box = new VBox(2, name, new Label(r.sent()), new Label(r.received()), new Label(r.gaps()),
                        new Label(r.unacknowledged()), new Label(r.conflicts()));
                setText(null);
                setGraphic(box);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        WrappedText status = new WrappedText();
        status.textProperty().bind(vm.status());
        Label fp = new Label(vm.fingerprint());
        fp.setId("deviceFingerprint");
        return page(fp, status, list);
    }
}
