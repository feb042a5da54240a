package org.itinera.desktop.sync;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.itinera.core.access.Actor;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.exchange.ImportReport;
import org.itinera.sync.exchange.ImportService;

/** Import: files or folders picked (e.g. a USB stick), then one report per package in plain words. */
public final class ImportViewModel {
    /** One package's outcome as shown: file, outcome word, sentence, and the records not applied. */
    public record ReportRow(String file, String outcome, String sentence, List<String> notApplied, ImportReport.Status status) {
    }

    private final ImportService imports;
    private final Actor actor;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> reports = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");

    public ImportViewModel(ImportService imports, Actor actor, TaskExecutor executor, Messages messages) {
        this.imports = imports;
        this.actor = actor;
        this.executor = executor;
        this.messages = messages;
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObservableList<ReportRow> reports() {
        return reports;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty status() {
        return status;
    }

    public void add(List<Path> picked) {
        for (Path p : picked) {
            if (!files.contains(p)) {
                files.add(p);
            }
        }
    }

    public void clear() {
        files.clear();
        reports.clear();
        status.set("");
    }

    /** Imports every picked file and folder; the reports replace the previous ones. */
    public void importAll() {
        if (files.isEmpty()) {
            status.set(messages.get("sync.ui.import.nothingPicked"));
            return;
        }
        List<Path> picked = List.copyOf(files);
        busy.set(true);
        progress.set(0);
        status.set(messages.get("sync.ui.import.running"));
        executor.execute(BackgroundTask.of("sync import", p -> imports.importFiles(actor, picked, p))
                .onProgress(p -> progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total()))
                .onSuccess(list -> {
                    busy.set(false);
                    progress.set(1);
                    reports.setAll(list.stream().map(this::row).toList());
                    long applied = list.stream().mapToLong(ImportReport::applied).sum();
                    status.set(messages.get("sync.ui.import.done", list.size(), applied));
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set(new ErrorMessages(messages).describe(e));
                }));
    }

    private ReportRow row(ImportReport r) {
        SyncLabels labels = new SyncLabels(messages);
        List<String> not = r.rejected().stream().map(x -> messages.get("sync.ui.import.notApplied",
                labels.record(x.table()), x.rowId(), messages.get(x.reason()))).toList();
        String outcome = messages.get("sync.status." + r.status().name().toLowerCase(java.util.Locale.ROOT));
        return new ReportRow(r.fileName(), outcome, messages.get(r.message()), not, r.status());
    }
}
