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

    /** Longest merge chain followed before giving up (a guard: real chains are a few links long). */
    static final int MAX_CHAIN = 1_000;

    /** The person's own merge link: who it was marked a duplicate of (null when none, or deleted/unknown). */
    public Optional<String> mergeLink(DSLContext dsl, String id) {
        return dsl.select(PERSON.MERGED_INTO).from(PERSON).where(PERSON.ID.eq(id).and(PERSON.DELETED.isFalse()))
                .fetchOptional(PERSON.MERGED_INTO);
    }

    /** Whether a person exists and is not deleted. */
    public boolean exists(DSLContext dsl, String id) {
        return dsl.fetchExists(PERSON, PERSON.ID.eq(id).and(PERSON.DELETED.isFalse()));
    }

    /**
     * Where a person's file lives after merges (docs/decisions/0012): follow {@code merged_into} link
     * by link to a person that is not merged; a link to a deleted or unknown person ends the chain
     * before it; a cycle (two laptops merged A into B and B into A) ends at the smallest id of the
     * cycle, whichever member the walk started from, so every node picks the same person.
     */
    public String survivorOf(DSLContext dsl, String id) {
        return survivorOf(id, x -> mergeLink(dsl, x).filter(t -> exists(dsl, t)).orElse(null));
    }

    /** The chain rule alone, over any link function (null: no link). */
    public static String survivorOf(String id, java.util.function.UnaryOperator<String> link) {
        java.util.List<String> path = new java.util.ArrayList<>();
        String current = id;
        while (path.size() < MAX_CHAIN) {
            int seen = path.indexOf(current);
            if (seen >= 0) {
                return path.subList(seen, path.size()).stream().min(String::compareTo).orElseThrow();
            }
            path.add(current);
            String next = link.apply(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** Persons whose merge chain passes through a person (direct and indirect duplicates), itself excluded. */
    public List<String> mergedIntoTransitively(DSLContext dsl, String id) {
        return dsl.resultQuery("WITH RECURSIVE m(id) AS (SELECT id FROM person WHERE merged_into = ? AND deleted = 0 "
                        + "UNION SELECT p.id FROM person p JOIN m ON p.merged_into = m.id WHERE p.deleted = 0) "
                        + "SELECT id FROM m WHERE id <> ? ORDER BY id", id, id)
                .fetch(0, String.class);
    }

    /** The persons whose files live in this one: itself first, then every person whose merge chain ends here. */
    public List<String> personsOfFile(DSLContext dsl, String personId) {
        List<String> ids = new java.util.ArrayList<>();
        ids.add(personId);
        if (personId != null) {
            for (String id : mergedIntoTransitively(dsl, personId)) {
                if (survivorOf(dsl, id).equals(personId)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Whether following merge links from one person reaches another (a merge the other way would make a cycle). */
    public boolean chainReaches(DSLContext dsl, String from, String target) {
        String current = from;
        for (int i = 0; i < MAX_CHAIN && current != null; i++) {
            if (current.equals(target)) {
                return true;
            }
            current = mergeLink(dsl, current).orElse(null);
        }
        return false;
    }

    /** Summaries of persons by id, merged or not (not deleted), with their merge link. */
    public List<MergedRecord> mergedRecords(DSLContext dsl, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(PERSON).where(PERSON.ID.in(ids).and(PERSON.DELETED.isFalse()))
                .orderBy(PERSON.FAMILY_NAME, PERSON.GIVEN_NAME, PERSON.ID)
                .fetch(r -> new MergedRecord(summary(r), r.getMergedInto()));
    }

    /** Sets or clears a person's merge link through the write path (a synced change of one column). */
    public boolean setMergeLink(WriteTx tx, String id, String target) {
        PersonRecord r = tx.dsl().selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no person " + id);
        }
        r.setMergedInto(target);
        return tx.update(r);
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

    /** Persons by id (from the search index), skipping those deleted or outside the offices. */
    public List<PersonSummary> summaries(DSLContext dsl, List<String> ids, Collection<String> offices) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // the search index already left merged persons out (all but the chosen end of a merge cycle)
        return dsl.selectFrom(PERSON).where(PERSON.ID.in(ids).and(PERSON.DELETED.isFalse()).and(officeFilter(offices)))
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
