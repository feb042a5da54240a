package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.MOVEMENT;
import static org.itinera.schema.jooq.Tables.MOVEMENT_EVENT;
import static org.itinera.schema.jooq.Tables.PERSON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.itinera.core.casefile.Sex;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.MovementEventRecord;
import org.itinera.schema.jooq.tables.records.MovementRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Movements and their insert-only history. */
public final class MovementRepository {

    public void insert(WriteTx tx, Movement m) {
        MovementRecord r = tx.newRecord(MOVEMENT);
        r.setId(m.id());
        r.setCaseId(m.caseId());
        r.setPersonId(m.personId());
        r.setHouseholdId(m.householdId());
        r.setMovementType(m.type().name());
        r.setStatus(m.status().name());
        r.setRequestedOn(m.requestedOn().toString());
        r.setOriginCountry(m.originCountry());
        r.setDestinationCountry(m.destinationCountry());
        r.setDestinationPlace(m.destinationPlace());
        r.setFitnessRequired(m.fitnessRequired());
        r.setOfficeId(m.officeId());
        tx.insert(r);
    }

    /** Sets the status (and its reason; null clears it) of a movement read in this transaction. */
    public void setStatus(WriteTx tx, String movementId, MovementStatus status, String reason) {
        MovementRecord r = tx.dsl().selectFrom(MOVEMENT).where(MOVEMENT.ID.eq(movementId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no movement " + movementId);
        }
        r.setStatus(status.name());
        r.setStatusReason(reason);
        tx.update(r);
    }

    public void insertEvent(WriteTx tx, MovementEvent e) {
        MovementEventRecord r = tx.newRecord(MOVEMENT_EVENT);
        r.setId(e.id());
        r.setMovementId(e.movementId());
        r.setEventType(e.type().name());
        r.setFromStatus(e.from() == null ? null : e.from().name());
        r.setToStatus(e.to() == null ? null : e.to().name());
        r.setReason(e.reason());
        r.setPlace(e.place());
        r.setPartnerId(e.partnerId());
        r.setOccurredAt(e.occurredAt().toString());
        r.setUserId(e.userId());
        tx.insert(r);
    }

    public Optional<Movement> find(DSLContext dsl, String id) {
        return dsl.selectFrom(MOVEMENT).where(MOVEMENT.ID.eq(id).and(MOVEMENT.DELETED.isFalse()))
                .fetchOptional().map(MovementRepository::toMovement);
    }

    public List<Movement> find(DSLContext dsl, Collection<String> ids) {
        return dsl.selectFrom(MOVEMENT).where(MOVEMENT.ID.in(ids).and(MOVEMENT.DELETED.isFalse()))
                .fetch(MovementRepository::toMovement);
    }

    public List<Movement> ofCase(DSLContext dsl, String caseId) {
        return dsl.selectFrom(MOVEMENT).where(MOVEMENT.CASE_ID.eq(caseId).and(MOVEMENT.DELETED.isFalse()))
                .orderBy(MOVEMENT.ID).fetch(MovementRepository::toMovement);
    }

    public List<MovementEvent> events(DSLContext dsl, String movementId) {
        return dsl.selectFrom(MOVEMENT_EVENT)
                .where(MOVEMENT_EVENT.MOVEMENT_ID.eq(movementId).and(MOVEMENT_EVENT.DELETED.isFalse()))
                .orderBy(MOVEMENT_EVENT.OCCURRED_AT, MOVEMENT_EVENT.ID)
                .fetch(r -> new MovementEvent(r.getId(), r.getMovementId(), MovementEventType.valueOf(r.getEventType()),
                        r.getFromStatus() == null ? null : MovementStatus.valueOf(r.getFromStatus()),
                        r.getToStatus() == null ? null : MovementStatus.valueOf(r.getToStatus()), r.getReason(),
                        r.getPlace(), r.getPartnerId(), Instant.parse(r.getOccurredAt()), r.getUserId()));
    }

    /** Case facts a request needs: office, household, person. */
    public Optional<CaseFacts> caseFacts(DSLContext dsl, String caseId) {
        return dsl.select(CASE_FILE.ID, CASE_FILE.OFFICE_ID, CASE_FILE.HOUSEHOLD_ID, CASE_FILE.PERSON_ID, CASE_FILE.CASE_TYPE,
                        CASE_FILE.STATUS)
                .from(CASE_FILE).where(CASE_FILE.ID.eq(caseId).and(CASE_FILE.DELETED.isFalse()))
                .fetchOptional(r -> new CaseFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public record CaseFacts(String id, String officeId, String householdId, String personId, String type, String status) {
    }

    /** Travellers in the given statuses (of the given offices, or all when null), households together. */
    public List<Traveller> travellers(DSLContext dsl, Collection<MovementStatus> statuses, Collection<String> offices,
                                      LocalDate today, int limit) {
        Condition where = MOVEMENT.STATUS.in(statuses.stream().map(Enum::name).toList()).and(MOVEMENT.DELETED.isFalse());
        if (offices != null) {
            where = where.and(MOVEMENT.OFFICE_ID.in(offices));
        }
        return selectTravellers(dsl).where(where)
                .orderBy(MOVEMENT.HOUSEHOLD_ID, MOVEMENT.REQUESTED_ON.desc(), MOVEMENT.ID).limit(limit)
                .fetch(r -> traveller(r, today));
    }

    public List<Traveller> travellers(DSLContext dsl, Collection<String> movementIds, LocalDate today) {
        return selectTravellers(dsl).where(MOVEMENT.ID.in(movementIds)).orderBy(MOVEMENT.HOUSEHOLD_ID, MOVEMENT.ID)
                .fetch(r -> traveller(r, today));
    }

    /** The movements of some persons in some statuses. */
    public List<Traveller> travellersOfPersons(DSLContext dsl, Collection<String> personIds,
                                               Collection<MovementStatus> statuses, LocalDate today) {
        return selectTravellers(dsl).where(MOVEMENT.PERSON_ID.in(personIds).and(MOVEMENT.DELETED.isFalse())
                        .and(MOVEMENT.STATUS.in(statuses.stream().map(Enum::name).toList())))
                .orderBy(MOVEMENT.HOUSEHOLD_ID, MOVEMENT.ID).fetch(r -> traveller(r, today));
    }

    /** The household's movements that are still under way (not arrived, not cancelled). */
    public List<Traveller> openTravellersOfHousehold(DSLContext dsl, String householdId, LocalDate today) {
        return travellersOfHousehold(dsl, householdId, today).stream()
                .filter(t -> t.status() != MovementStatus.ARRIVED && t.status() != MovementStatus.CANCELLED).toList();
    }

    /** Every movement of the household's members. */
    public List<Traveller> travellersOfHousehold(DSLContext dsl, String householdId, LocalDate today) {
        return selectTravellers(dsl).where(MOVEMENT.HOUSEHOLD_ID.eq(householdId).and(MOVEMENT.DELETED.isFalse()))
                .orderBy(MOVEMENT.ID).fetch(r -> traveller(r, today));
    }

    private static org.jooq.SelectJoinStep<Record> selectTravellers(DSLContext dsl) {
        return dsl.select(MOVEMENT.ID, MOVEMENT.PERSON_ID, MOVEMENT.HOUSEHOLD_ID, MOVEMENT.STATUS,
                        MOVEMENT.DESTINATION_COUNTRY, MOVEMENT.OFFICE_ID)
                .select(PERSON.GIVEN_NAME, PERSON.MIDDLE_NAME, PERSON.FAMILY_NAME, PERSON.GIVEN_NAME_ORIG,
                        PERSON.FAMILY_NAME_ORIG, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.NATIONALITY)
                .from(MOVEMENT).join(PERSON).on(PERSON.ID.eq(MOVEMENT.PERSON_ID));
    }

    private static Traveller traveller(Record r, LocalDate today) {
        return new Traveller(r.get(MOVEMENT.ID), r.get(MOVEMENT.PERSON_ID), r.get(MOVEMENT.HOUSEHOLD_ID),
                latinName(r.get(PERSON.GIVEN_NAME), r.get(PERSON.MIDDLE_NAME), r.get(PERSON.FAMILY_NAME)),
                originalName(r.get(PERSON.GIVEN_NAME_ORIG), r.get(PERSON.FAMILY_NAME_ORIG)),
                Sex.valueOf(r.get(PERSON.SEX)), age(r.get(PERSON.BIRTH_DATE), today), r.get(PERSON.NATIONALITY),
                MovementStatus.valueOf(r.get(MOVEMENT.STATUS)), r.get(MOVEMENT.DESTINATION_COUNTRY),
                r.get(MOVEMENT.OFFICE_ID));
    }

    static String latinName(String given, String middle, String family) {
        return (given + (middle == null ? "" : " " + middle) + " " + family).strip();
    }

    static String originalName(String given, String family) {
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }

    static int age(String birthDate, LocalDate on) {
        return birthDate == null ? -1 : java.time.Period.between(LocalDate.parse(birthDate), on).getYears();
    }

    public int countActive(DSLContext dsl) {
        return dsl.fetchCount(MOVEMENT, MOVEMENT.DELETED.isFalse()
                .and(MOVEMENT.STATUS.notIn(MovementStatus.ARRIVED.name(), MovementStatus.CANCELLED.name())));
    }

    static Movement toMovement(MovementRecord r) {
        return new Movement(r.getId(), r.getCaseId(), r.getPersonId(), r.getHouseholdId(),
                MovementType.valueOf(r.getMovementType()), MovementStatus.valueOf(r.getStatus()), r.getStatusReason(),
                LocalDate.parse(r.getRequestedOn()), r.getOriginCountry(), r.getDestinationCountry(),
                r.getDestinationPlace(), Boolean.TRUE.equals(r.getFitnessRequired()), r.getOfficeId());
    }
}
