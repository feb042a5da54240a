package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.BOOKING;
import static org.itinera.schema.jooq.Tables.BOOKING_PASSENGER;
import static org.itinera.schema.jooq.Tables.BOOKING_SEGMENT;
import static org.itinera.schema.jooq.Tables.BOOKING_SSR;
import static org.itinera.schema.jooq.Tables.ESCORT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.BookingPassengerRecord;
import org.itinera.schema.jooq.tables.records.BookingRecord;
import org.itinera.schema.jooq.tables.records.BookingSegmentRecord;
import org.itinera.schema.jooq.tables.records.BookingSsrRecord;
import org.itinera.schema.jooq.tables.records.EscortRecord;
import org.jooq.DSLContext;

/** Bookings with their legs, passengers, special service requests and escorts. */
public final class BookingRepository {

    public void insertBooking(WriteTx tx, String id, String reference, BookingStatus status, LocalDate bookedOn,
                              String officeId) {
        BookingRecord r = tx.newRecord(BOOKING);
        r.setId(id);
        r.setReference(reference);
        r.setStatus(status.name());
        r.setBookedOn(bookedOn.toString());
        r.setOfficeId(officeId);
        tx.insert(r);
    }

    public void insertSegment(WriteTx tx, Segment s) {
        BookingSegmentRecord r = tx.newRecord(BOOKING_SEGMENT);
        r.setId(s.id());
        r.setBookingId(s.bookingId());
        r.setSeq(s.seq());
        r.setCarrier(s.carrier());
        r.setServiceNo(s.serviceNo());
        r.setFromPlace(s.from());
        r.setToPlace(s.to());
        r.setDepartsLocal(s.departsLocal().toString());
        r.setDepartsZone(s.departsZone().getId());
        r.setArrivesLocal(s.arrivesLocal().toString());
        r.setArrivesZone(s.arrivesZone().getId());
        tx.insert(r);
    }

    public void insertPassenger(WriteTx tx, BookedPassenger p) {
        BookingPassengerRecord r = tx.newRecord(BOOKING_PASSENGER);
        r.setId(p.id());
        r.setBookingId(p.bookingId());
        r.setMovementId(p.movementId());
        r.setSeat(p.seat());
        r.setBaggagePieces(p.baggagePieces());
        r.setBaggageKg(p.baggageKg());
        tx.insert(r);
        for (SpecialServiceRequest s : p.services()) {
            BookingSsrRecord ssr = tx.newRecord(BOOKING_SSR);
            ssr.setId(tx.ids().next());
            ssr.setBookingPassengerId(p.id());
            ssr.setCode(s.name());
            tx.insert(ssr);
        }
    }

    public void insertEscort(WriteTx tx, Escort e) {
        EscortRecord r = tx.newRecord(ESCORT);
        r.setId(e.id());
        r.setBookingId(e.bookingId());
        r.setEscortType(e.type().name());
        r.setEscortName(e.name());
        r.setEscortUserId(e.userId());
        r.setEscortedMovement(e.escortedMovementId());
        tx.insert(r);
    }

    public void setStatus(WriteTx tx, String bookingId, BookingStatus status) {
        BookingRecord r = tx.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(bookingId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no booking " + bookingId);
        }
        r.setStatus(status.name());
        tx.update(r);
    }

    /** Takes a traveller off a booking (a tombstone, so the removal merges like any change). */
    public void removePassenger(WriteTx tx, String bookingPassengerId) {
        BookingPassengerRecord r = tx.dsl().selectFrom(BOOKING_PASSENGER)
                .where(BOOKING_PASSENGER.ID.eq(bookingPassengerId)).fetchOne();
        if (r != null && !Boolean.TRUE.equals(r.getDeleted())) {
            tx.delete(r);
        }
    }

    public Optional<Booking> find(DSLContext dsl, String id) {
        BookingRecord b = dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(id).and(BOOKING.DELETED.isFalse())).fetchOne();
        if (b == null) {
            return Optional.empty();
        }
        List<Segment> segments = dsl.selectFrom(BOOKING_SEGMENT)
                .where(BOOKING_SEGMENT.BOOKING_ID.eq(id).and(BOOKING_SEGMENT.DELETED.isFalse()))
                .orderBy(BOOKING_SEGMENT.SEQ).fetch(BookingRepository::toSegment);
        List<BookingPassengerRecord> passengers = dsl.selectFrom(BOOKING_PASSENGER)
                .where(BOOKING_PASSENGER.BOOKING_ID.eq(id).and(BOOKING_PASSENGER.DELETED.isFalse()))
                .orderBy(BOOKING_PASSENGER.ID).fetch();
        Map<String, Set<SpecialServiceRequest>> services = services(dsl, passengers.stream().map(BookingPassengerRecord::getId).toList());
        List<Escort> escorts = dsl.selectFrom(ESCORT).where(ESCORT.BOOKING_ID.eq(id).and(ESCORT.DELETED.isFalse()))
                .orderBy(ESCORT.ID).fetch(BookingRepository::toEscort);
        return Optional.of(new Booking(b.getId(), b.getReference(), BookingStatus.valueOf(b.getStatus()),
                LocalDate.parse(b.getBookedOn()), b.getOfficeId(), segments,
                passengers.stream().map(p -> toPassenger(p, services.getOrDefault(p.getId(), Set.of()))).toList(), escorts));
    }

    /** The booking a movement currently travels on (not cancelled, the traveller not taken off). */
    public Optional<BookedPassenger> activeBooking(DSLContext dsl, String movementId) {
        BookingPassengerRecord p = dsl.select(BOOKING_PASSENGER.fields()).from(BOOKING_PASSENGER)
                .join(BOOKING).on(BOOKING.ID.eq(BOOKING_PASSENGER.BOOKING_ID))
                .where(BOOKING_PASSENGER.MOVEMENT_ID.eq(movementId).and(BOOKING_PASSENGER.DELETED.isFalse())
                        .and(BOOKING.DELETED.isFalse()).and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name())))
                .orderBy(BOOKING.BOOKED_ON.desc(), BOOKING.ID.desc()).limit(1)
                .fetchOneInto(BOOKING_PASSENGER);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(toPassenger(p, services(dsl, List.of(p.getId())).getOrDefault(p.getId(), Set.of())));
    }

    /** The first leg of a booking (the departure the traveller is manifested on from here). */
    public Optional<Segment> firstSegment(DSLContext dsl, String bookingId) {
        return dsl.selectFrom(BOOKING_SEGMENT)
                .where(BOOKING_SEGMENT.BOOKING_ID.eq(bookingId).and(BOOKING_SEGMENT.DELETED.isFalse()))
                .orderBy(BOOKING_SEGMENT.SEQ).limit(1).fetchOptional(BookingRepository::toSegment);
    }

    static Map<String, Set<SpecialServiceRequest>> services(DSLContext dsl, Collection<String> bookingPassengerIds) {
        Map<String, Set<SpecialServiceRequest>> out = new HashMap<>();
        if (bookingPassengerIds.isEmpty()) {
            return out;
        }
        dsl.select(BOOKING_SSR.BOOKING_PASSENGER_ID, BOOKING_SSR.CODE).from(BOOKING_SSR)
                .where(BOOKING_SSR.BOOKING_PASSENGER_ID.in(bookingPassengerIds).and(BOOKING_SSR.DELETED.isFalse()))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(SpecialServiceRequest.class))
                        .add(SpecialServiceRequest.valueOf(r.value2())));
        return out;
    }

    static Segment toSegment(BookingSegmentRecord r) {
        return new Segment(r.getId(), r.getBookingId(), r.getSeq(), r.getCarrier(), r.getServiceNo(), r.getFromPlace(),
                r.getToPlace(), LocalDateTime.parse(r.getDepartsLocal()), ZoneId.of(r.getDepartsZone()),
                LocalDateTime.parse(r.getArrivesLocal()), ZoneId.of(r.getArrivesZone()));
    }

    static Escort toEscort(EscortRecord r) {
        return new Escort(r.getId(), r.getBookingId(), EscortType.valueOf(r.getEscortType()), r.getEscortName(),
                r.getEscortUserId(), r.getEscortedMovement());
    }

    private static BookedPassenger toPassenger(BookingPassengerRecord p, Set<SpecialServiceRequest> services) {
        return new BookedPassenger(p.getId(), p.getBookingId(), p.getMovementId(), p.getSeat(), services,
                p.getBaggagePieces(), p.getBaggageKg());
    }
}
