package org.itinera.core.casefile;

import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.PERSON;

import java.util.Collection;
import java.util.List;
import org.itinera.core.protection.ProtectionRepository;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.CaseFileRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Cases. */
public final class CaseRepository {

    public void insert(WriteTx tx, String id, String caseNo, CaseDraft d, CaseStatus status, String openedOn,
                       String ownerUserId) {
        CaseFileRecord r = tx.newRecord(CASE_FILE);
        r.setId(id);
        r.setCaseNo(caseNo);
        r.setCaseType(d.type().name());
        r.setStatus(status.name());
        r.setPersonId(d.personId());
        r.setHouseholdId(d.householdId());
        r.setOfficeId(d.officeId());
        r.setOwnerUserId(ownerUserId);
        r.setOpenedOn(openedOn);
        r.setDestinationCountry(d.destinationCountry());
        r.setSummary(d.summary());
        tx.insert(r);
    }

    /**
     * A page of cases of these offices (null: every office), by case number, without restricted
     * cases the viewer may not see ({@code viewer} null: the system, sees all).
     */
    public List<CaseSummary> page(DSLContext dsl, int offset, int limit, Collection<String> offices, String viewer) {
        // the offset is walked on the case-number index; only the page's rows are joined
        var page = dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.DELETED.isFalse().and(officeFilter(offices))
                        .and(ProtectionRepository.visibleTo(viewer)))
                .orderBy(CASE_FILE.CASE_NO, CASE_FILE.ID).limit(limit).offset(offset);
        return select(dsl, CASE_FILE.ID.in(page)).orderBy(CASE_FILE.CASE_NO, CASE_FILE.ID)
                .fetch(CaseRepository::summary);
    }

    public int count(DSLContext dsl, Collection<String> offices, String viewer) {
        return dsl.fetchCount(CASE_FILE, CASE_FILE.DELETED.isFalse().and(officeFilter(offices))
                .and(ProtectionRepository.visibleTo(viewer)));
    }

    private static Condition officeFilter(Collection<String> offices) {
        return offices == null ? DSL.noCondition() : CASE_FILE.OFFICE_ID.in(offices);
    }

    public List<CaseSummary> ofPerson(DSLContext dsl, String personId, String viewer) {
        return ofPersons(dsl, List.of(personId), viewer);
    }

    /** The cases of several persons (a survivor and its merged duplicates), newest first. */
    public List<CaseSummary> ofPersons(DSLContext dsl, Collection<String> personIds, String viewer) {
        return select(dsl, CASE_FILE.PERSON_ID.in(personIds).and(CASE_FILE.DELETED.isFalse())
                .and(ProtectionRepository.visibleTo(viewer)))
                .orderBy(CASE_FILE.OPENED_ON.desc()).fetch(CaseRepository::summary);
    }

    private static org.jooq.SelectConditionStep<Record> select(DSLContext dsl, Condition where) {
        return dsl.select(CASE_FILE.fields()).select(PERSON.GIVEN_NAME, PERSON.FAMILY_NAME)
                .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)).where(where);
    }

    private static CaseSummary summary(Record r) {
        return new CaseSummary(r.get(CASE_FILE.ID), r.get(CASE_FILE.CASE_NO), CaseType.valueOf(r.get(CASE_FILE.CASE_TYPE)),
                CaseStatus.valueOf(r.get(CASE_FILE.STATUS)), r.get(CASE_FILE.PERSON_ID),
                r.get(PERSON.GIVEN_NAME) + " " + r.get(PERSON.FAMILY_NAME), r.get(CASE_FILE.OPENED_ON),
                r.get(CASE_FILE.OFFICE_ID));
    }
}
