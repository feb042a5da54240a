package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.BOOKING;
import static org.itinera.schema.jooq.Tables.BOOKING_PASSENGER;
import static org.itinera.schema.jooq.Tables.BOOKING_SEGMENT;
import static org.itinera.schema.jooq.Tables.ESCORT;
import static org.itinera.schema.jooq.Tables.MANIFEST;
import static org.itinera.schema.jooq.Tables.MANIFEST_PASSENGER;
import static org.itinera.schema.jooq.Tables.MOVEMENT;
import static org.itinera.schema.jooq.Tables.PERSON;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.casefile.Sex;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.ManifestPassengerRecord;
import org.itinera.schema.jooq.tables.records.ManifestRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Manifests, their passenger lines, and the bookings of a departure. */
public final class ManifestRepository {

    public void insert(WriteTx tx, Manifest m) {
        ManifestRecord r = tx.newRecord(MANIFEST);
        r.setId(m.id());
        r.setManifestNo(m.manifestNo());
        r.setCarrier(m.flight().carrier());
        r.setServiceNo(m.flight().serviceNo());
        r.setFromPlace(m.flight().from());
        r.setToPlace(m.flight().to());
        r.setDepartureDate(m.flight().date().toString());
        r.setDepartsLocal(m.departsLocal() == null ? null : m.departsLocal().toString());
        r.setDepartsZone(m.departsZone() == null ? null : m.departsZone().getId());
        r.setCheckInLocal(m.checkInLocal() == null ? null : m.checkInLocal().toString());
        r.setStatus(m.status().name());
        r.setOfficeId(m.officeId());
        tx.insert(r);
    }

    public void setStatus(WriteTx tx, String manifestId, ManifestStatus status) {
        ManifestRecord r = tx.dsl().selectFrom(MANIFEST).where(MANIFEST.ID.eq(manifestId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no manifest " + manifestId);
        }
        r.setStatus(status.name());
        tx.update(r);
    }

    public void insertPassenger(WriteTx tx, String id, String manifestId, String movementId, String bookingPassengerId) {
        ManifestPassengerRecord r = tx.newRecord(MANIFEST_PASSENGER);
        r.setId(id);
        r.setManifestId(manifestId);
        r.setMovementId(movementId);
        r.setBookingPassengerId(bookingPassengerId);
        r.setStatus(PassengerStatus.LISTED.name());
        tx.insert(r);
    }

    /** A passenger line changes status (removed, boarded, no-show), with the reason, time and seat. */
    public void setPassengerStatus(WriteTx tx, String manifestId, String movementId, PassengerStatus status, String reason,
                                   Instant checkedAt, String seat) {
        ManifestPassengerRecord r = tx.dsl().selectFrom(MANIFEST_PASSENGER)
                .where(MANIFEST_PASSENGER.MANIFEST_ID.eq(manifestId).and(MANIFEST_PASSENGER.MOVEMENT_ID.eq(movementId))
                        .and(MANIFEST_PASSENGER.DELETED.isFalse())
                        .and(MANIFEST_PASSENGER.STATUS.ne(PassengerStatus.REMOVED.name())))
                .fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("movement " + movementId + " is not on manifest " + manifestId);
        }
        r.setStatus(status.name());
        r.setReason(reason);
        if (checkedAt != null) {
            r.setCheckedAt(checkedAt.toString());
        }
        if (seat != null) {
            r.setSeat(seat);
        }
        tx.update(r);
    }

    public Optional<Manifest> find(DSLContext dsl, String id) {
        return dsl.selectFrom(MANIFEST).where(MANIFEST.ID.eq(id).and(MANIFEST.DELETED.isFalse()))
                .fetchOptional().map(ManifestRepository::toManifest);
    }

    /** The manifest of a departure, if one exists (a cancelled one does not count). */
    public Optional<Manifest> forFlight(DSLContext dsl, Flight f) {
        return dsl.selectFrom(MANIFEST).where(MANIFEST.CARRIER.eq(f.carrier()).and(MANIFEST.SERVICE_NO.eq(f.serviceNo()))
                        .and(MANIFEST.DEPARTURE_DATE.eq(f.date().toString())).and(MANIFEST.FROM_PLACE.eq(f.from()))
                        .and(MANIFEST.DELETED.isFalse()).and(MANIFEST.STATUS.ne(ManifestStatus.CANCELLED.name())))
                .limit(1).fetchOptional().map(ManifestRepository::toManifest);
    }

    /** The open manifest a movement is listed on, if any. */
    public Optional<Manifest> openManifestOf(DSLContext dsl, String movementId) {
        return dsl.select(MANIFEST.fields()).from(MANIFEST_PASSENGER).join(MANIFEST).on(MANIFEST.ID.eq(MANIFEST_PASSENGER.MANIFEST_ID))
                .where(MANIFEST_PASSENGER.MOVEMENT_ID.eq(movementId).and(MANIFEST_PASSENGER.DELETED.isFalse())
                        .and(MANIFEST_PASSENGER.STATUS.eq(PassengerStatus.LISTED.name())).and(MANIFEST.DELETED.isFalse()))
                .limit(1).fetchOptional(r -> toManifest(r.into(MANIFEST)));
    }

    public List<Manifest> departingBetween(DSLContext dsl, LocalDate from, LocalDate until) {
        return dsl.selectFrom(MANIFEST).where(MANIFEST.DEPARTURE_DATE.between(from.toString(), until.toString())
                        .and(MANIFEST.DELETED.isFalse()).and(MANIFEST.STATUS.ne(ManifestStatus.CANCELLED.name())))
                .fetch(ManifestRepository::toManifest);
    }

    /** Movement id to passenger status, for every line not removed. */
    public Map<String, PassengerStatus> lines(DSLContext dsl, Collection<String> manifestIds) {
        Map<String, PassengerStatus> out = new HashMap<>();
        linesByManifest(dsl, manifestIds).values().forEach(out::putAll);
        return out;
    }

    public Map<String, Map<String, PassengerStatus>> linesByManifest(DSLContext dsl, Collection<String> manifestIds) {
        Map<String, Map<String, PassengerStatus>> out = new HashMap<>();
        if (manifestIds.isEmpty()) {
            return out;
        }
        dsl.select(MANIFEST_PASSENGER.MANIFEST_ID, MANIFEST_PASSENGER.MOVEMENT_ID, MANIFEST_PASSENGER.STATUS)
                .from(MANIFEST_PASSENGER)
                .where(MANIFEST_PASSENGER.MANIFEST_ID.in(manifestIds).and(MANIFEST_PASSENGER.DELETED.isFalse())
                        .and(MANIFEST_PASSENGER.STATUS.ne(PassengerStatus.REMOVED.name())))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashMap<>())
                        .put(r.value2(), PassengerStatus.valueOf(r.value3())));
        return out;
    }

    /** A booked traveller of a departure: movement, booking line, household and status. */
    public record BookedTraveller(Flight flight, LocalDateTime departsLocal, ZoneId zone, String movementId,
                                  String bookingPassengerId, String householdId, MovementStatus status, String officeId) {
    }

    /**
     * Travellers booked on legs departing between two local dates (inclusive), on bookings not
     * cancelled, whose movement is not cancelled. One row per traveller and leg.
     */
    public List<BookedTraveller> bookedBetween(DSLContext dsl, LocalDate from, LocalDate until) {
        return bookedWhere(dsl, BOOKING_SEGMENT.DEPARTS_LOCAL.ge(from.toString())
                .and(BOOKING_SEGMENT.DEPARTS_LOCAL.lt(until.plusDays(1).toString())));
    }

    public List<BookedTraveller> bookedOn(DSLContext dsl, Flight f) {
        return bookedWhere(dsl, BOOKING_SEGMENT.DEPARTS_LOCAL.ge(f.date().toString())
                .and(BOOKING_SEGMENT.DEPARTS_LOCAL.lt(f.date().plusDays(1).toString()))
                .and(BOOKING_SEGMENT.CARRIER.eq(f.carrier())).and(BOOKING_SEGMENT.SERVICE_NO.eq(f.serviceNo()))
                .and(BOOKING_SEGMENT.FROM_PLACE.eq(f.from())));
    }

    private static List<BookedTraveller> bookedWhere(DSLContext dsl, org.jooq.Condition segment) {
        return dsl.select(BOOKING_SEGMENT.CARRIER, BOOKING_SEGMENT.SERVICE_NO, BOOKING_SEGMENT.FROM_PLACE,
                        BOOKING_SEGMENT.TO_PLACE, BOOKING_SEGMENT.DEPARTS_LOCAL, BOOKING_SEGMENT.DEPARTS_ZONE,
                        BOOKING_PASSENGER.MOVEMENT_ID, BOOKING_PASSENGER.ID, MOVEMENT.HOUSEHOLD_ID, MOVEMENT.STATUS,
                        MOVEMENT.OFFICE_ID)
                .from(BOOKING_SEGMENT)
                .join(BOOKING).on(BOOKING.ID.eq(BOOKING_SEGMENT.BOOKING_ID))
                .join(BOOKING_PASSENGER).on(BOOKING_PASSENGER.BOOKING_ID.eq(BOOKING.ID))
                .join(MOVEMENT).on(MOVEMENT.ID.eq(BOOKING_PASSENGER.MOVEMENT_ID))
                .where(segment.and(BOOKING_SEGMENT.DELETED.isFalse()).and(BOOKING.DELETED.isFalse())
                        .and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name())).and(BOOKING_PASSENGER.DELETED.isFalse())
                        .and(MOVEMENT.DELETED.isFalse()).and(MOVEMENT.STATUS.ne(MovementStatus.CANCELLED.name())))
                .orderBy(BOOKING_SEGMENT.DEPARTS_LOCAL, BOOKING_PASSENGER.MOVEMENT_ID)
                .fetch(r -> {
                    LocalDateTime departs = LocalDateTime.parse(r.value5());
                    return new BookedTraveller(new Flight(r.value1(), r.value2(), r.value3(), r.value4(),
                            departs.toLocalDate()), departs, ZoneId.of(r.value6()), r.value7(), r.value8(), r.value9(),
                            MovementStatus.valueOf(r.value10()), r.value11());
                });
    }

    /** The lines of a manifest (removed ones too, at the end), with what is printed for each. */
    public List<ManifestPassenger> passengers(DSLContext dsl, Manifest m) {
        List<Record> rows = dsl.select(MANIFEST_PASSENGER.ID, MANIFEST_PASSENGER.MOVEMENT_ID, MANIFEST_PASSENGER.STATUS,
                        MANIFEST_PASSENGER.SEAT, MANIFEST_PASSENGER.REASON, MANIFEST_PASSENGER.BOOKING_PASSENGER_ID,
                        MOVEMENT.HOUSEHOLD_ID, BOOKING_PASSENGER.SEAT, BOOKING_PASSENGER.BAGGAGE_PIECES,
                        BOOKING_PASSENGER.BAGGAGE_KG, BOOKING_PASSENGER.BOOKING_ID, BOOKING.REFERENCE)
                .select(PERSON.ID, PERSON.GIVEN_NAME, PERSON.MIDDLE_NAME, PERSON.FAMILY_NAME, PERSON.GIVEN_NAME_ORIG,
                        PERSON.FAMILY_NAME_ORIG, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.NATIONALITY)
                .from(MANIFEST_PASSENGER)
                .join(MOVEMENT).on(MOVEMENT.ID.eq(MANIFEST_PASSENGER.MOVEMENT_ID))
                .join(PERSON).on(PERSON.ID.eq(MOVEMENT.PERSON_ID))
                .leftJoin(BOOKING_PASSENGER).on(BOOKING_PASSENGER.ID.eq(MANIFEST_PASSENGER.BOOKING_PASSENGER_ID))
                .leftJoin(BOOKING).on(BOOKING.ID.eq(BOOKING_PASSENGER.BOOKING_ID))
                .where(MANIFEST_PASSENGER.MANIFEST_ID.eq(m.id()).and(MANIFEST_PASSENGER.DELETED.isFalse()))
                .fetch();
        List<String> persons = rows.stream().map(r -> r.get(PERSON.ID)).toList();
        Map<String, List<TravellerFacts.Document>> documents = ReadinessRepository.documents(dsl, new java.util.HashSet<>(persons));
        Map<String, Set<SpecialServiceRequest>> services = BookingRepository.services(dsl,
                rows.stream().map(r -> r.get(MANIFEST_PASSENGER.BOOKING_PASSENGER_ID)).filter(java.util.Objects::nonNull).toList());
        Map<String, String> escortNames = escortNames(dsl, rows);
        List<ManifestPassenger> out = new ArrayList<>();
        for (Record r : rows) {
            Optional<TravellerFacts.Document> doc = ManifestGate.bestDocument(
                    documents.getOrDefault(r.get(PERSON.ID), List.of()), m.flight().date());
            String seat = r.get(MANIFEST_PASSENGER.SEAT) != null ? r.get(MANIFEST_PASSENGER.SEAT) : r.get(BOOKING_PASSENGER.SEAT);
            out.add(new ManifestPassenger(r.get(MANIFEST_PASSENGER.ID), r.get(MANIFEST_PASSENGER.MOVEMENT_ID),
                    r.get(PERSON.ID), r.get(MOVEMENT.HOUSEHOLD_ID), r.get(PERSON.FAMILY_NAME),
                    r.get(PERSON.MIDDLE_NAME) == null ? r.get(PERSON.GIVEN_NAME)
                            : r.get(PERSON.GIVEN_NAME) + " " + r.get(PERSON.MIDDLE_NAME),
                    MovementRepository.originalName(r.get(PERSON.GIVEN_NAME_ORIG), r.get(PERSON.FAMILY_NAME_ORIG)),
                    Sex.valueOf(r.get(PERSON.SEX)), MovementRepository.age(r.get(PERSON.BIRTH_DATE), m.flight().date()),
                    r.get(PERSON.NATIONALITY), doc.map(TravellerFacts.Document::type).orElse(null),
                    doc.map(TravellerFacts.Document::number).orElse(null),
                    services.getOrDefault(r.get(MANIFEST_PASSENGER.BOOKING_PASSENGER_ID), Set.of()),
                    escortNames.get(r.get(MANIFEST_PASSENGER.MOVEMENT_ID)), seat,
                    nz(r.get(BOOKING_PASSENGER.BAGGAGE_PIECES)), nz(r.get(BOOKING_PASSENGER.BAGGAGE_KG)),
                    r.get(BOOKING.REFERENCE), PassengerStatus.valueOf(r.get(MANIFEST_PASSENGER.STATUS)),
                    r.get(MANIFEST_PASSENGER.REASON)));
        }
        return out;
    }

    /** The escort printed beside each passenger: theirs if they have one, else the group's. */
    private static Map<String, String> escortNames(DSLContext dsl, List<Record> rows) {
        Map<String, String> bookingOf = new HashMap<>();
        rows.forEach(r -> {
            if (r.get(BOOKING_PASSENGER.BOOKING_ID) != null) {
                bookingOf.put(r.get(MANIFEST_PASSENGER.MOVEMENT_ID), r.get(BOOKING_PASSENGER.BOOKING_ID));
            }
        });
        Map<String, String> personal = new HashMap<>();
        Map<String, String> group = new HashMap<>();
        if (!bookingOf.isEmpty()) {
            dsl.select(ESCORT.BOOKING_ID, ESCORT.ESCORTED_MOVEMENT, ESCORT.ESCORT_NAME).from(ESCORT)
                    .where(ESCORT.BOOKING_ID.in(new java.util.HashSet<>(bookingOf.values())).and(ESCORT.DELETED.isFalse()))
                    .orderBy(ESCORT.ID)
                    .forEach(e -> {
                        if (e.value2() != null) {
                            personal.putIfAbsent(e.value2(), e.value3());
                        } else {
                            group.putIfAbsent(e.value1(), e.value3());
                        }
                    });
        }
        Map<String, String> out = new HashMap<>();
        bookingOf.forEach((movement, booking) -> {
            String name = personal.containsKey(movement) ? personal.get(movement) : group.get(booking);
            if (name != null) {
                out.put(movement, name);
            }
        });
        return out;
    }

    /** Escorts travelling on the bookings of a manifest's passengers (they sign the manifest too). */
    public List<Escort> escortsOf(DSLContext dsl, String manifestId) {
        return dsl.selectDistinct(ESCORT.fields()).from(ESCORT)
                .join(BOOKING_PASSENGER).on(BOOKING_PASSENGER.BOOKING_ID.eq(ESCORT.BOOKING_ID))
                .join(MANIFEST_PASSENGER).on(MANIFEST_PASSENGER.BOOKING_PASSENGER_ID.eq(BOOKING_PASSENGER.ID))
                .where(MANIFEST_PASSENGER.MANIFEST_ID.eq(manifestId).and(MANIFEST_PASSENGER.DELETED.isFalse())
                        .and(MANIFEST_PASSENGER.STATUS.ne(PassengerStatus.REMOVED.name())).and(ESCORT.DELETED.isFalse()))
                .orderBy(ESCORT.ESCORT_TYPE, ESCORT.ESCORT_NAME)
                .fetch(r -> BookingRepository.toEscort(r.into(ESCORT)));
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    static Manifest toManifest(ManifestRecord r) {
        return new Manifest(r.getId(), r.getManifestNo(), new Flight(r.getCarrier(), r.getServiceNo(), r.getFromPlace(),
                r.getToPlace(), LocalDate.parse(r.getDepartureDate())),
                r.getDepartsLocal() == null ? null : LocalDateTime.parse(r.getDepartsLocal()),
                r.getDepartsZone() == null ? null : ZoneId.of(r.getDepartsZone()),
                r.getCheckInLocal() == null ? null : LocalDateTime.parse(r.getCheckInLocal()),
                ManifestStatus.valueOf(r.getStatus()), r.getOfficeId());
    }
}
