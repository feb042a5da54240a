package org.itinera.desktop.movement;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.itinera.core.movement.EscortDraft;
import org.itinera.core.movement.Flight;
import org.itinera.core.movement.GateProblem;
import org.itinera.core.movement.GateRefusedException;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestLabels;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.movement.PassengerCheck;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.Task;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The manifest editor: who is on the manifest and who is booked on the departure but not yet,
 * every passenger the gate blocks with the reason and a way to fix it, print (a PDF in the exports
 * folder) with a preview of its pages, and, after departure, arrival and handover.
 */
public final class ManifestEditorViewModel {
    /** One reason one passenger is blocked; {@code listed} when they are already on the manifest. */
    public record Blocker(PassengerCheck check, GateProblem problem, boolean listed, String text) {
    }

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Path exports;
    private final FixActions fixes;
    private final ObjectProperty<Manifest> manifest = new SimpleObjectProperty<>();
    private final ObservableList<ManifestPassenger> passengers = FXCollections.observableArrayList();
    private final ObservableList<PassengerCheck> candidates = FXCollections.observableArrayList();
    private final ObservableList<Blocker> blockers = FXCollections.observableArrayList();
    private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, PassengerCheck>> checks = new SimpleObjectProperty<>(Map.of());
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Locale> printLanguage;
    private Path lastPrint;

    public ManifestEditorViewModel(Workspace ws, TaskExecutor executor, Messages messages, Path exports) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.exports = exports;
        this.fixes = new FixActions(ws, executor);
        // carriers and border posts of the region read English or French
        this.printLanguage = new SimpleObjectProperty<>("fr".equals(messages.locale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
    }

    /** Opens the departure's manifest, creating it from the bookings when it has none yet. */
    public void open(Flight flight) {
        run("open manifest", p -> ws.manifests().openFor(ws.actor(), flight).id(), this::load, null);
    }

    /** Loads (again) the manifest, its passengers, the candidates and every blocker. */
    public void load(String manifestId) {
        load(manifestId, null);
    }

    /** Loads, then shows {@code done} (what the action that led here did) instead of the summary. */
    private void load(String manifestId, String done) {
        if (manifest.get() == null) {
            // the printer's fonts load while the officer reads the list, not when they press Print
            executor.execute(BackgroundTask.of("prepare printing", p -> {
                ws.manifests().preparePrinting();
                return null;
            }));
        }
        run("review manifest", p -> ws.manifests().review(ws.actor(), manifestId), r -> {
            manifest.set(r.manifest());
            passengers.setAll(r.passengers());
            candidates.setAll(r.candidates());
            List<Blocker> list = new ArrayList<>();
            r.listed().stream().filter(PassengerCheck::blocked).forEach(c -> c.problems().forEach(pr -> list.add(blocker(c, pr, true))));
            r.candidates().stream().filter(PassengerCheck::blocked).forEach(c -> c.problems().forEach(pr -> list.add(blocker(c, pr, false))));
            blockers.setAll(list);
            List<PassengerCheck> all = new ArrayList<>(r.listed());
            all.addAll(r.candidates());
            checks.set(all.stream().collect(Collectors.toMap(PassengerCheck::movementId, Function.identity(), (a, b) -> a)));
            status.set(done != null ? done : messages.get("manifest.summary",
                    r.passengers().stream().filter(x -> x.status() != PassengerStatus.REMOVED).count(), r.blocked(),
                    r.candidates().size()));
        }, null);
    }

    private Blocker blocker(PassengerCheck c, GateProblem p, boolean listed) {
        return new Blocker(c, p, listed, messages.get(p.message()));
    }

    /** Puts candidates on the manifest; a refusal lists who blocks and why. */
    public void add(List<String> movementIds, boolean splitHousehold) {
        String id = manifest.get().id();
        run("add to manifest", p -> {
            ws.manifests().add(ws.actor(), id, movementIds, splitHousehold);
            return id;
        }, x -> load(x, messages.get("manifest.added", movementIds.size())), this::refused);
    }

    /** Puts a candidate and every other candidate of their household on the manifest. */
    public void addHousehold(PassengerCheck candidate) {
        List<String> ids = candidate.householdId() == null ? List.of(candidate.movementId())
                : candidates.stream().filter(c -> candidate.householdId().equals(c.householdId()))
                        .map(PassengerCheck::movementId).toList();
        add(ids, false);
    }

    public void remove(String movementId, String reason) {
        String id = manifest.get().id();
        run("remove from manifest", p -> {
            ws.manifests().remove(ws.actor(), id, movementId, reason);
            return id;
        }, this::load, null);
    }

    /** Saves the printed manifest as a PDF in the exports folder, and shows where. */
    public void print() {
        Manifest m = manifest.get();
        ManifestLabels labels = labels();
        Path file = exports.resolve(m.manifestNo() + ".pdf");
        run("print manifest", p -> {
            Files.createDirectories(exports);
            try (OutputStream out = Files.newOutputStream(file)) {
                ws.manifests().print(ws.actor(), m.id(), labels, out);
            } catch (RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return m.id();
        }, x -> {
            lastPrint = file;
            load(x, messages.get("manifest.printed", file.toString()));
            preview();
        }, this::refused);
    }

    /** Renders the manifest as it would print, page by page, for the preview. */
    public void preview() {
        String id = manifest.get().id();
        ManifestLabels labels = labels();
        executor.execute(BackgroundTask.<List<BufferedImage>>of("manifest preview", p -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ws.manifests().preview(ws.actor(), id, labels, out);
                    return render(out.toByteArray());
                })
                .onSuccess(pages::setAll)
                .onFailure(e -> status.set(new ErrorMessages(messages).describe(e))));
    }

    static List<BufferedImage> render(byte[] pdf) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                out.add(renderer.renderImageWithDPI(i, 110));
            }
        }
        return out;
    }

    public void recordDocument(String personId, TravelDocument d, Runnable onDone, Consumer<Throwable> onFailed) {
        fixes.recordDocument(personId, d, reloadAfter(onDone), onFailed);
    }

    public void recordConsent(String personId, TravelConsent c, Runnable onDone, Consumer<Throwable> onFailed) {
        fixes.recordConsent(personId, c, reloadAfter(onDone), onFailed);
    }

    /** Adds an escort to the booking the passenger travels on. */
    public void addEscort(String movementId, EscortDraft e, Runnable onDone, Consumer<Throwable> onFailed) {
        fixes.addEscort(movementId, e, reloadAfter(onDone), onFailed);
    }

    private Runnable reloadAfter(Runnable onDone) {
        String id = manifest.get().id();
        return () -> {
            onDone.run();
            load(id);
        };
    }

    /** After departure: everyone who boarded is in transit at an airport on the way. */
    public void transit(String place) {
        String id = manifest.get().id();
        run("transit", p -> ws.departures().transit(ws.actor(), id, place),
                n -> load(id, messages.get("manifest.inTransit", n, place.strip().toUpperCase(Locale.ROOT))), null);
    }

    /** After departure: everyone who boarded has arrived at the destination. */
    public void arrive() {
        String id = manifest.get().id();
        run("arrive", p -> ws.departures().arrive(ws.actor(), id), n -> load(id, messages.get("manifest.arrived", n)), null);
    }

    /** Hands everyone who arrived over at destination; their cases move on to assistance. */
    public void handOver(String note) {
        String id = manifest.get().id();
        List<String> arrived = passengers.stream().filter(p -> p.status() == PassengerStatus.BOARDED)
                .map(ManifestPassenger::movementId).toList();
        run("hand over", p -> ws.movements().handOver(ws.actor(), arrived, null, note),
                r -> load(id, messages.get("manifest.handedOver", r.handedOver(), r.casesToAssistance().size())), null);
    }

    private void refused(Throwable e) {
        if (e instanceof GateRefusedException g) {
            List<Blocker> list = new ArrayList<>();
            g.blocked().forEach(c -> c.problems().forEach(p -> list.add(blocker(c, p, false))));
            blockers.setAll(list);
        }
    }

    private <T> void run(String name, Task<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        busy.set(true);
        executor.execute(BackgroundTask.of(name, work)
                .onSuccess(r -> {
                    busy.set(false);
                    done.accept(r);
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set(new ErrorMessages(messages).describe(e));
                    if (failed != null) {
                        failed.accept(e);
                    }
                }));
    }

    ManifestLabels labels() {
        Messages print = new Messages(printLanguage.get());
        return print::get;
    }

    public boolean canEdit() {
        return manifest.get() != null && manifest.get().isOpen();
    }

    public boolean departed() {
        return manifest.get() != null && manifest.get().status() == ManifestStatus.DEPARTED;
    }

    public org.itinera.core.reference.ReferenceData reference() {
        return ws.reference();
    }

    public ObjectProperty<Manifest> manifest() {
        return manifest;
    }

    public ObservableList<ManifestPassenger> passengers() {
        return passengers;
    }

    public ObservableList<PassengerCheck> candidates() {
        return candidates;
    }

    public ObservableList<Blocker> blockers() {
        return blockers;
    }

    public ObservableList<BufferedImage> pages() {
        return pages;
    }

    public ObjectProperty<Map<String, PassengerCheck>> checks() {
        return checks;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObjectProperty<Locale> printLanguage() {
        return printLanguage;
    }

    public Path lastPrint() {
        return lastPrint;
    }
}
