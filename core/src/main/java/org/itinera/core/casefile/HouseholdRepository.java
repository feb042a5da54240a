package org.itinera.core.casefile;

import static org.itinera.schema.jooq.Tables.HOUSEHOLD;
import static org.itinera.schema.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.itinera.schema.jooq.Tables.PERSON;

import java.util.List;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.HouseholdMemberRecord;
import org.itinera.schema.jooq.tables.records.HouseholdRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Households and their members. */
public final class HouseholdRepository {

    public void insert(WriteTx tx, String id, String reference, String officeId, String headPersonId) {
        HouseholdRecord r = tx.newRecord(HOUSEHOLD);
        r.setId(id);
        r.setReference(reference);
        r.setOfficeId(officeId);
        r.setHeadPersonId(headPersonId);
        tx.insert(r);
    }

    public void addMember(WriteTx tx, String id, String householdId, String personId, Relationship relationship) {
        HouseholdMemberRecord r = tx.newRecord(HOUSEHOLD_MEMBER);
        r.setId(id);
        r.setHouseholdId(householdId);
        r.setPersonId(personId);
        r.setRelationship(relationship.name());
        tx.insert(r);
    }

    public Optional<String> officeOf(DSLContext dsl, String householdId) {
        return dsl.select(HOUSEHOLD.OFFICE_ID).from(HOUSEHOLD).where(HOUSEHOLD.ID.eq(householdId))
                .fetchOptional(HOUSEHOLD.OFFICE_ID);
    }

    public List<HouseholdSummary> page(DSLContext dsl, int offset, int limit, java.util.Collection<String> offices) {
        var members = DSL.selectCount().from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(HOUSEHOLD.ID).and(HOUSEHOLD_MEMBER.DELETED.isFalse()))
                .asField("members");
        // the offset is walked on the reference index; only the page's rows are joined
        var page = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(HOUSEHOLD.DELETED.isFalse().and(officeFilter(offices)))
                .orderBy(HOUSEHOLD.REFERENCE, HOUSEHOLD.ID).limit(limit).offset(offset);
        return dsl.select(HOUSEHOLD.ID, HOUSEHOLD.REFERENCE, PERSON.GIVEN_NAME, PERSON.FAMILY_NAME, members,
                        HOUSEHOLD.OFFICE_ID)
                .from(HOUSEHOLD).leftJoin(PERSON).on(PERSON.ID.eq(HOUSEHOLD.HEAD_PERSON_ID))
                .where(HOUSEHOLD.ID.in(page))
                .orderBy(HOUSEHOLD.REFERENCE, HOUSEHOLD.ID)
                .fetch(r -> new HouseholdSummary(r.value1(), r.value2(),
                        r.value3() == null ? "" : r.value3() + " " + r.value4(), (Integer) r.value5(), r.value6()));
    }

    public int count(DSLContext dsl, java.util.Collection<String> offices) {
        return dsl.fetchCount(HOUSEHOLD, HOUSEHOLD.DELETED.isFalse().and(officeFilter(offices)));
    }

    private static org.jooq.Condition officeFilter(java.util.Collection<String> offices) {
        return offices == null ? DSL.noCondition() : HOUSEHOLD.OFFICE_ID.in(offices);
    }

    public List<HouseholdMember> members(DSLContext dsl, String householdId) {
        return dsl.select(HOUSEHOLD_MEMBER.ID, HOUSEHOLD_MEMBER.RELATIONSHIP).select(PERSON.fields())
                .from(HOUSEHOLD_MEMBER).join(PERSON).on(PERSON.ID.eq(HOUSEHOLD_MEMBER.PERSON_ID))
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(householdId).and(HOUSEHOLD_MEMBER.DELETED.isFalse()))
                .fetch(r -> new HouseholdMember(r.get(HOUSEHOLD_MEMBER.ID), householdId,
                        PersonRepository.summary(r.into(PERSON)), Relationship.valueOf(r.get(HOUSEHOLD_MEMBER.RELATIONSHIP))));
    }

    /** The household a person belongs to, if any. */
    public Optional<String> householdOf(DSLContext dsl, String personId) {
        return dsl.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.PERSON_ID.eq(personId).and(HOUSEHOLD_MEMBER.DELETED.isFalse()))
                .limit(1).fetchOptional(HOUSEHOLD_MEMBER.HOUSEHOLD_ID);
    }
}
