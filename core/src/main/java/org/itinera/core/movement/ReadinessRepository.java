package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.BOOKING;
import static org.itinera.schema.jooq.Tables.BOOKING_PASSENGER;
import static org.itinera.schema.jooq.Tables.CONSENT;
import static org.itinera.schema.jooq.Tables.ESCORT;
import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.itinera.schema.jooq.Tables.MOVEMENT;
import static org.itinera.schema.jooq.Tables.PERSON;
import static org.itinera.schema.jooq.Tables.PERSON_DOCUMENT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads, for a batch of movements, the facts the manifest gate decides on. Fitness decisions are
 * read as decision and validity only: the sealed conditions are never selected. Consents are read
 * with this module's own query (purpose TRAVEL) until the consent service of issue 4 lands.
 */
public final class ReadinessRepository {
    /** Who in a household can consent to a child's travel. */
    private static final List<String> GUARDIANS = List.of("HEAD", "SPOUSE", "PARENT", "GUARDIAN");

    public Map<String, TravellerFacts> facts(DSLContext dsl, Collection<String> movementIds) {
        Map<String, Record> movements = new LinkedHashMap<>();
        dsl.select(MOVEMENT.ID, MOVEMENT.PERSON_ID, MOVEMENT.HOUSEHOLD_ID, MOVEMENT.STATUS, MOVEMENT.FITNESS_REQUIRED)
                .select(PERSON.GIVEN_NAME, PERSON.MIDDLE_NAME, PERSON.FAMILY_NAME, PERSON.BIRTH_DATE)
                .from(MOVEMENT).join(PERSON).on(PERSON.ID.eq(MOVEMENT.PERSON_ID))
                .where(MOVEMENT.ID.in(movementIds)).orderBy(MOVEMENT.ID)
                .forEach(r -> movements.put(r.get(MOVEMENT.ID), r));
        Set<String> persons = new HashSet<>();
        Set<String> households = new HashSet<>();
        movements.values().forEach(r -> {
            persons.add(r.get(MOVEMENT.PERSON_ID));
            if (r.get(MOVEMENT.HOUSEHOLD_ID) != null) {
                households.add(r.get(MOVEMENT.HOUSEHOLD_ID));
            }
        });
        Map<String, List<TravellerFacts.Document>> documents = documents(dsl, persons);
        Map<String, List<TravellerFacts.FitnessDecision>> decisions = decisions(dsl, persons);
        Map<String, Set<String>> guardians = guardians(dsl, households);
        Set<String> consenting = new HashSet<>(persons);
        guardians.values().forEach(consenting::addAll);
        Map<String, List<TravellerFacts.Consent>> consents = travelConsents(dsl, consenting);
        Map<String, String> bookingPassenger = new HashMap<>();
        Map<String, String> bookingOf = new HashMap<>();
        activeBookings(dsl, movements.keySet(), bookingPassenger, bookingOf);
        Map<String, Set<SpecialServiceRequest>> services = BookingRepository.services(dsl, bookingPassenger.values());
        Map<String, List<org.jooq.Record3<String, String, String>>> escorts = new HashMap<>();
        if (!bookingOf.isEmpty()) {
            dsl.select(ESCORT.BOOKING_ID, ESCORT.ESCORT_TYPE, ESCORT.ESCORTED_MOVEMENT).from(ESCORT)
                    .where(ESCORT.BOOKING_ID.in(new HashSet<>(bookingOf.values())).and(ESCORT.DELETED.isFalse()))
                    .forEach(r -> escorts.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r));
        }
        Map<String, TravellerFacts> out = new LinkedHashMap<>();
        for (Record r : movements.values()) {
            String id = r.get(MOVEMENT.ID);
            String person = r.get(MOVEMENT.PERSON_ID);
            String household = r.get(MOVEMENT.HOUSEHOLD_ID);
            List<TravellerFacts.Consent> guardianConsents = new ArrayList<>();
            for (String g : household == null ? Set.<String>of() : guardians.getOrDefault(household, Set.of())) {
                if (!g.equals(person)) {
                    guardianConsents.addAll(consents.getOrDefault(g, List.of()));
                }
            }
            List<org.jooq.Record3<String, String, String>> covering = escorts.getOrDefault(bookingOf.get(id), List.of())
                    .stream().filter(e -> e.value3() == null || e.value3().equals(id)).toList();
            boolean medical = covering.stream().anyMatch(e -> EscortType.MEDICAL.name().equals(e.value2()));
            String birth = r.get(PERSON.BIRTH_DATE);
            out.put(id, new TravellerFacts(id, person, household,
                    MovementRepository.latinName(r.get(PERSON.GIVEN_NAME), r.get(PERSON.MIDDLE_NAME), r.get(PERSON.FAMILY_NAME)),
                    MovementStatus.valueOf(r.get(MOVEMENT.STATUS)), Boolean.TRUE.equals(r.get(MOVEMENT.FITNESS_REQUIRED)),
                    birth == null ? null : LocalDate.parse(birth), documents.getOrDefault(person, List.of()),
                    decisions.getOrDefault(person, List.of()), consents.getOrDefault(person, List.of()), guardianConsents,
                    medical, !covering.isEmpty(),
                    services.getOrDefault(bookingPassenger.get(id), Set.of())));
        }
        return out;
    }

    static Map<String, List<TravellerFacts.Document>> documents(DSLContext dsl, Set<String> persons) {
        Map<String, List<TravellerFacts.Document>> out = new HashMap<>();
        dsl.select(PERSON_DOCUMENT.PERSON_ID, PERSON_DOCUMENT.DOC_TYPE, PERSON_DOCUMENT.NUMBER, PERSON_DOCUMENT.EXPIRES_ON)
                .from(PERSON_DOCUMENT)
                .where(PERSON_DOCUMENT.PERSON_ID.in(persons).and(PERSON_DOCUMENT.DELETED.isFalse()))
                .orderBy(PERSON_DOCUMENT.ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TravellerFacts.Document(
                        r.value2(), r.value3(), r.value4() == null ? null : LocalDate.parse(r.value4()))));
        return out;
    }

    private static Map<String, List<TravellerFacts.FitnessDecision>> decisions(DSLContext dsl, Set<String> persons) {
        Map<String, List<TravellerFacts.FitnessDecision>> out = new HashMap<>();
        dsl.select(FITNESS_DECISION.PERSON_ID, FITNESS_DECISION.DECISION, FITNESS_DECISION.VALID_FROM,
                        FITNESS_DECISION.VALID_UNTIL, FITNESS_DECISION.DECIDED_AT)
                .from(FITNESS_DECISION)
                .where(FITNESS_DECISION.PERSON_ID.in(persons).and(FITNESS_DECISION.DELETED.isFalse()))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TravellerFacts.FitnessDecision(
                        TravelFitness.valueOf(r.value2()), LocalDate.parse(r.value3()),
                        r.value4() == null ? null : LocalDate.parse(r.value4()), r.value5())));
        return out;
    }

    private static Map<String, Set<String>> guardians(DSLContext dsl, Set<String> households) {
        Map<String, Set<String>> out = new HashMap<>();
        if (households.isEmpty()) {
            return out;
        }
        dsl.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID, HOUSEHOLD_MEMBER.PERSON_ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.in(households).and(HOUSEHOLD_MEMBER.DELETED.isFalse())
                        .and(HOUSEHOLD_MEMBER.RELATIONSHIP.in(GUARDIANS)))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        return out;
    }

    private static Map<String, List<TravellerFacts.Consent>> travelConsents(DSLContext dsl, Set<String> persons) {
        Map<String, List<TravellerFacts.Consent>> out = new HashMap<>();
        dsl.select(CONSENT.PERSON_ID, CONSENT.GIVEN_ON, CONSENT.EXPIRES_ON, CONSENT.WITHDRAWN_ON).from(CONSENT)
                .where(CONSENT.PERSON_ID.in(persons).and(CONSENT.PURPOSE.eq("TRAVEL")).and(CONSENT.DELETED.isFalse()))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TravellerFacts.Consent(
                        LocalDate.parse(r.value2()), date(r.value3()), date(r.value4()))));
        return out;
    }

    /** Each movement's current booking: the latest non-cancelled booking it has not been taken off. */
    private static void activeBookings(DSLContext dsl, Collection<String> movementIds, Map<String, String> passengerOut,
                                       Map<String, String> bookingOut) {
        Map<String, String> bookedOn = new HashMap<>();
        dsl.select(BOOKING_PASSENGER.MOVEMENT_ID, BOOKING_PASSENGER.ID, BOOKING.ID, BOOKING.BOOKED_ON)
                .from(BOOKING_PASSENGER).join(BOOKING).on(BOOKING.ID.eq(BOOKING_PASSENGER.BOOKING_ID))
                .where(BOOKING_PASSENGER.MOVEMENT_ID.in(movementIds).and(BOOKING_PASSENGER.DELETED.isFalse())
                        .and(BOOKING.DELETED.isFalse()).and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name())))
                .forEach(r -> {
                    String key = r.value4() + r.value3();
                    String seen = bookedOn.get(r.value1());
                    if (seen == null || key.compareTo(seen) > 0) {
                        bookedOn.put(r.value1(), key);
                        passengerOut.put(r.value1(), r.value2());
                        bookingOut.put(r.value1(), r.value3());
                    }
                });
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
