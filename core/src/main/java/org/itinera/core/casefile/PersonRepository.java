package org.itinera.core.casefile;

import static org.itinera.schema.jooq.Tables.PERSON;
import static org.itinera.schema.jooq.Tables.PERSON_COUNT;
import static org.itinera.schema.jooq.Tables.PERSON_SEARCH;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.PersonRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persons in the database. jOOQ records stay in here; callers get {@link Person} records. */
public final class PersonRepository {

    public void insert(WriteTx tx, Person p) {
        PersonRecord r = tx.newRecord(PERSON);
        r.setId(p.id());
        apply(r, p.details());
        tx.insert(r);
    }

    public boolean update(WriteTx tx, Person p) {
        PersonRecord r = tx.dsl().selectFrom(PERSON).where(PERSON.ID.eq(p.id())).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no person " + p.id());
        }
        apply(r, p.details());
        return tx.update(r);
    }

    public boolean delete(WriteTx tx, String id) {
        PersonRecord r = tx.dsl().selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOne();
        if (r == null || Boolean.TRUE.equals(r.getDeleted())) {
            return false;
        }
        tx.delete(r);
        return true;
    }

    public Optional<Person> find(DSLContext dsl, String id) {
        return dsl.selectFrom(PERSON).where(PERSON.ID.eq(id).and(PERSON.DELETED.isFalse()))
                .fetchOptional().map(PersonRepository::toPerson);
    }

    public Optional<String> officeOf(DSLContext dsl, String id) {
        return dsl.select(PERSON.OFFICE_ID).from(PERSON).where(PERSON.ID.eq(id)).fetchOptional(PERSON.OFFICE_ID);
    }

    /**
     * A page of the registry in name order (family name, then given name). The offset is walked on
     * the sort index alone (per office for a user limited to offices: the search index carries the
     * office); only the page's rows are joined to the person table.
     */
    public List<PersonSummary> page(DSLContext dsl, int offset, int limit, Collection<String> offices) {
        var ids = offices == null
                ? dsl.select(PERSON_SEARCH.PERSON_ID, PERSON_SEARCH.SORT_KEY).from(PERSON_SEARCH)
                        .orderBy(PERSON_SEARCH.SORT_KEY, PERSON_SEARCH.PERSON_ID).limit(limit).offset(offset)
                : dsl.select(PERSON_SEARCH.PERSON_ID, PERSON_SEARCH.SORT_KEY).from(PERSON_SEARCH)
                        .where(PERSON_SEARCH.OFFICE_ID.in(offices))
                        .orderBy(PERSON_SEARCH.SORT_KEY, PERSON_SEARCH.PERSON_ID).limit(limit).offset(offset);
        return pageOf(dsl, ids.asTable("page"));
    }

    /** The page that follows a given row: a seek on the sort index, as fast in the millionth row as in the first. */
    public List<PersonSummary> pageAfter(DSLContext dsl, String sortKey, String personId, int limit,
                                         Collection<String> offices) {
        var after = DSL.row(PERSON_SEARCH.SORT_KEY, PERSON_SEARCH.PERSON_ID).gt(sortKey, personId);
        var ids = offices == null
                ? dsl.select(PERSON_SEARCH.PERSON_ID, PERSON_SEARCH.SORT_KEY).from(PERSON_SEARCH).where(after)
                        .orderBy(PERSON_SEARCH.SORT_KEY, PERSON_SEARCH.PERSON_ID).limit(limit)
                : dsl.select(PERSON_SEARCH.PERSON_ID, PERSON_SEARCH.SORT_KEY).from(PERSON_SEARCH)
                        .where(after.and(PERSON_SEARCH.OFFICE_ID.in(offices)))
                        .orderBy(PERSON_SEARCH.SORT_KEY, PERSON_SEARCH.PERSON_ID).limit(limit);
        return pageOf(dsl, ids.asTable("page"));
    }

    private static List<PersonSummary> pageOf(DSLContext dsl, org.jooq.Table<?> page) {
        var pageId = page.field(PERSON_SEARCH.PERSON_ID);
        var pageKey = page.field(PERSON_SEARCH.SORT_KEY);
        return dsl.select(PERSON.fields()).from(page).join(PERSON).on(PERSON.ID.eq(pageId))
                .orderBy(pageKey, pageId)
                .fetch(r -> summary(r.into(PERSON)));
    }

    /** Persons in the registry (kept per office by the search index: no scan of a million rows). */
    public int count(DSLContext dsl, Collection<String> offices) {
        var n = dsl.select(DSL.coalesce(DSL.sum(PERSON_COUNT.N), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(PERSON_COUNT)
                .where(offices == null ? DSL.noCondition() : PERSON_COUNT.OFFICE_ID.in(offices))
                .fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /** Persons by id, in the order given, skipping those deleted or outside the offices. */
    public List<PersonSummary> summaries(DSLContext dsl, List<String> ids, Collection<String> offices) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(PERSON).where(PERSON.ID.in(ids).and(PERSON.DELETED.isFalse())
                        .and(PERSON.MERGED_INTO.isNull()).and(officeFilter(offices)))
                .fetch(PersonRepository::summary);
    }

    /** Persons whose sort key starts with a prefix (searches of one or two letters). */
    public List<String> idsByPrefix(DSLContext dsl, String foldedPrefix, int limit) {
        return dsl.select(PERSON_SEARCH.PERSON_ID).from(PERSON_SEARCH)
                .where(PERSON_SEARCH.SORT_KEY.ge(foldedPrefix).and(PERSON_SEARCH.SORT_KEY.lt(foldedPrefix + "\uffff")))
                .orderBy(PERSON_SEARCH.SORT_KEY).limit(limit).fetch(PERSON_SEARCH.PERSON_ID);
    }

    /** Persons whose folded names contain every token (trigram full-text index). */
    public List<String> idsByTrigrams(DSLContext dsl, List<String> tokens, int limit) {
        StringBuilder match = new StringBuilder();
        for (String t : tokens) {
            match.append(match.isEmpty() ? "" : " ").append('"').append(t.replace("\"", "")).append('"');
        }
        return dsl.resultQuery("SELECT person_id FROM person_fts WHERE person_fts MATCH ? LIMIT ?", match.toString(), limit)
                .fetch(0, String.class);
    }

    private static Condition officeFilter(Collection<String> offices) {
        return offices == null ? DSL.noCondition() : PERSON.OFFICE_ID.in(offices);
    }

    static void apply(PersonRecord r, PersonDetails d) {
        r.setGivenName(d.givenName());
        r.setFamilyName(d.familyName());
        r.setMiddleName(d.middleName());
        r.setGivenNameOrig(d.givenNameOrig());
        r.setFamilyNameOrig(d.familyNameOrig());
        r.setOrigScript(d.givenNameOrig() == null && d.familyNameOrig() == null ? null : "Arab");
        r.setSex(d.sex().name());
        r.setBirthDate(d.birthDate().asDate().map(LocalDate::toString).orElse(null));
        r.setBirthPrecision(d.birthDate().precision().name());
        r.setBirthEstimated(d.birthDate().estimated());
        r.setNationality(d.nationality());
        r.setPlaceOfBirth(d.placeOfBirth());
        r.setPrimaryLanguage(d.primaryLanguage());
        r.setPhone(d.phone());
        r.setOfficeId(d.officeId());
    }

    static Person toPerson(PersonRecord r) {
        return new Person(r.getId(), new PersonDetails(r.getGivenName(), r.getFamilyName(), r.getMiddleName(),
                r.getGivenNameOrig(), r.getFamilyNameOrig(), Sex.valueOf(r.getSex()), birth(r), r.getNationality(),
                r.getPlaceOfBirth(), r.getPrimaryLanguage(), r.getPhone(), r.getOfficeId()));
    }

    private static BirthDate birth(PersonRecord r) {
        BirthDate.Precision p = BirthDate.Precision.valueOf(r.getBirthPrecision());
        return r.getBirthDate() == null ? BirthDate.UNKNOWN
                : new BirthDate(LocalDate.parse(r.getBirthDate()), p, Boolean.TRUE.equals(r.getBirthEstimated()));
    }

    static PersonSummary summary(PersonRecord r) {
        Person p = toPerson(r);
        return new PersonSummary(p.id(), p.details().latinName(), p.details().originalName(), p.details().sex(),
                p.details().birthDate().display(), p.details().nationality(), p.details().officeId(),
                PersonSearchIndex.sortKey(r.getFamilyName(), r.getGivenName()));
    }
}
