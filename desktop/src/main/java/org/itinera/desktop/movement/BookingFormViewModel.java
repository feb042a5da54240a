package org.itinera.desktop.movement;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.itinera.core.movement.Booking;
import org.itinera.core.movement.BookingDraft;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.EscortDraft;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.PassengerDraft;
import org.itinera.core.movement.SegmentDraft;
import org.itinera.core.movement.SpecialServiceRequest;
import org.itinera.core.movement.Traveller;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * The booking form: find travellers whose documents are ready (a household is added in one go and
 * can be split by taking members off), enter the legs, seats, special service requests, baggage
 * and escorts, and book them all together. What was typed stays when the booking is refused.
 */
public final class BookingFormViewModel {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int SEARCH_LIMIT = 100;

    /** A traveller on the booking being made. */
    public static final class PassengerRow {
        private final Traveller traveller;
        final StringProperty seat = new SimpleStringProperty("");
        final ObservableSet<SpecialServiceRequest> services = FXCollections.observableSet(EnumSet.noneOf(SpecialServiceRequest.class));
        final IntegerProperty pieces = new SimpleIntegerProperty(1);
        final IntegerProperty kg = new SimpleIntegerProperty(23);

        PassengerRow(Traveller traveller) {
            this.traveller = traveller;
            if (traveller.age() >= 0 && traveller.age() < 2) {
                pieces.set(0);
                kg.set(0);
            }
        }

        public Traveller traveller() {
            return traveller;
        }

        public ObservableSet<SpecialServiceRequest> services() {
            return services;
        }

        public StringProperty seat() {
            return seat;
        }
    }

    /** A leg being entered; times are local to each airport ("2026-11-26 09:40"). */
    public static final class SegmentRow {
        final StringProperty carrier = new SimpleStringProperty("");
        final StringProperty serviceNo = new SimpleStringProperty("");
        final StringProperty from = new SimpleStringProperty("");
        final StringProperty to = new SimpleStringProperty("");
        final StringProperty departs = new SimpleStringProperty("");
        final StringProperty arrives = new SimpleStringProperty("");

        public StringProperty carrier() {
            return carrier;
        }

        public StringProperty serviceNo() {
            return serviceNo;
        }

        public StringProperty from() {
            return from;
        }

        public StringProperty to() {
            return to;
        }

        public StringProperty departs() {
            return departs;
        }

        public StringProperty arrives() {
            return arrives;
        }
    }

    /** An escort being entered; {@code escorted} is the passenger a medical escort accompanies, or none. */
    public static final class EscortRow {
        final ObjectProperty<EscortType> type = new SimpleObjectProperty<>(EscortType.OPERATIONAL);
        final StringProperty name = new SimpleStringProperty("");
        final ObjectProperty<Traveller> escorted = new SimpleObjectProperty<>();
    }

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Traveller> results = FXCollections.observableArrayList();
    private final ObservableList<PassengerRow> passengers = FXCollections.observableArrayList();
    private final ObservableList<SegmentRow> segments = FXCollections.observableArrayList();
    private final ObservableList<EscortRow> escorts = FXCollections.observableArrayList();
    final StringProperty reference = new SimpleStringProperty("");
    final ObjectProperty<BookingStatus> bookingStatus = new SimpleObjectProperty<>(BookingStatus.CONFIRMED);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private int searchGeneration;

    public BookingFormViewModel(Workspace ws, TaskExecutor executor, Messages messages) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        segments.add(new SegmentRow());
    }

    /** Travellers ready to book whose names match (Latin or Arabic script), households together. */
    public void search() {
        String q = query.get();
        int generation = ++searchGeneration;
        executor.execute(BackgroundTask.<List<Traveller>>of("ready to book", p -> ws.movements().readyToBook(ws.actor(), q, SEARCH_LIMIT))
                .onSuccess(found -> {
                    if (generation == searchGeneration) {
                        results.setAll(found); // an older search finishing late does not overwrite a newer one
                    }
                })
                .onFailure(e -> summary.set(new ErrorMessages(messages).describe(e))));
    }

    public void add(Traveller t) {
        if (passengers.stream().noneMatch(p -> p.traveller().movementId().equals(t.movementId()))) {
            passengers.add(new PassengerRow(t));
        }
    }

    /** Adds every member of the traveller's household whose documents are ready. */
    public void addHousehold(Traveller t) {
        if (t.householdId() == null) {
            add(t);
            return;
        }
        executor.execute(BackgroundTask.<List<Traveller>>of("household", p -> ws.movements().household(ws.actor(), t.householdId()))
                .onSuccess(members -> members.stream().filter(m -> m.status() == MovementStatus.DOCUMENTS_READY).forEach(this::add))
                .onFailure(e -> summary.set(new ErrorMessages(messages).describe(e))));
    }

    /** Takes a traveller off the booking being made (the rest of the household travels without them). */
    public void remove(PassengerRow row) {
        passengers.remove(row);
        escorts.forEach(e -> {
            if (e.escorted.get() == row.traveller()) {
                e.escorted.set(null);
            }
        });
    }

    public SegmentRow addSegment() {
        SegmentRow s = new SegmentRow();
        if (!segments.isEmpty()) {
            s.from.set(segments.getLast().to.get());
            s.carrier.set(segments.getLast().carrier.get());
        }
        segments.add(s);
        return s;
    }

    public void removeSegment(SegmentRow s) {
        if (segments.size() > 1) {
            segments.remove(s);
        }
    }

    public EscortRow addEscort() {
        EscortRow e = new EscortRow();
        escorts.add(e);
        return e;
    }

    public void removeEscort(EscortRow e) {
        escorts.remove(e);
    }

    /** The airport's name and derived time zone, to show beside an IATA code as it is typed. */
    public String airportInfo(String iata) {
        if (iata == null || iata.isBlank()) {
            return "";
        }
        return ws.reference().airport(iata.strip())
                .map(a -> a.name() + ", " + a.city() + " · " + ws.reference().zoneOf(a.iata()).map(Object::toString).orElse(""))
                .orElse(messages.get("booking.unknownAirport"));
    }

    /** Books in the background; {@code onSaved} gets the booking. */
    public void save(Consumer<Booking> onSaved) {
        errors.clear();
        summary.set("");
        List<SegmentDraft> legs = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentRow s = segments.get(i);
            Optional<LocalDateTime> departs = parse(s.departs.get());
            Optional<LocalDateTime> arrives = parse(s.arrives.get());
            if (departs.isEmpty() || arrives.isEmpty()) {
                errors.put("segment" + (i + 1), messages.get("booking.error.time"));
            }
            legs.add(new SegmentDraft(s.carrier.get(), s.serviceNo.get(), upper(s.from.get()), upper(s.to.get()),
                    departs.orElse(null), arrives.orElse(null)));
        }
        if (!errors.isEmpty()) {
            summary.set(messages.get("error.validation", errors.size()));
            return;
        }
        List<PassengerDraft> list = passengers.stream().map(p -> new PassengerDraft(p.traveller().movementId(), p.seat.get(),
                Set.copyOf(p.services), p.pieces.get(), p.kg.get())).toList();
        List<EscortDraft> escortList = escorts.stream().map(e -> new EscortDraft(e.type.get(), e.name.get(), null,
                e.escorted.get() == null ? null : e.escorted.get().movementId())).toList();
        BookingDraft draft = new BookingDraft(reference.get(), bookingStatus.get(), legs, list, escortList);
        saving.set(true);
        executor.execute(BackgroundTask.<Booking>of("book", p -> ws.bookings().book(ws.actor(), draft))
                .onSuccess(b -> {
                    saving.set(false);
                    onSaved.accept(b);
                })
                .onFailure(e -> {
                    saving.set(false);
                    ErrorMessages describe = new ErrorMessages(messages);
                    describe.putFieldErrors(e, errors);
                    summary.set(describe.describe(e));
                }));
    }

    static Optional<LocalDateTime> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip().replace('T', ' '), LOCAL));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    public StringProperty query() {
        return query;
    }

    public ObservableList<Traveller> results() {
        return results;
    }

    public ObservableList<PassengerRow> passengers() {
        return passengers;
    }

    public ObservableList<SegmentRow> segments() {
        return segments;
    }

    public ObservableList<EscortRow> escorts() {
        return escorts;
    }

    public StringProperty reference() {
        return reference;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty summary() {
        return summary;
    }

    public BooleanProperty saving() {
        return saving;
    }
}
