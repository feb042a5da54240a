package org.itinera.core.casefile;

import java.util.LinkedHashSet;
import java.util.Set;
import org.itinera.core.store.DerivedIndex;
import org.itinera.core.store.WriteTx;
import org.jooq.Record;

/**
 * Keeps the person search data in step with the person table: folded names in the trigram index
 * (Latin and original script together) and the folded sort key for prefix searches. Deleted and
 * merged persons leave the index (but the chosen end of a merge cycle stays, docs/decisions/0012).
 */
public final class PersonSearchIndex implements DerivedIndex {
    private static final Object NEXT_ROWID = new Object();

    @Override
    public String table() {
        return "person";
    }

    @Override
    public void afterWrite(WriteTx tx, Record row, boolean inserted) {
        String id = row.get("id", String.class);
        if (!inserted) {
            remove(tx, id);
        }
        boolean linked = row.get("merged_into") != null;
        if (!Boolean.TRUE.equals(row.get("deleted", Boolean.class)) && (!linked || survivorOf(tx, id).equals(id))) {
            add(tx, row);
        }
        if (!inserted || linked) {
            followMerges(tx, id);
        }
    }

    /**
     * A merge link changes whether other persons are shown: a merged person is listed only when it
     * is the end of its own chain, i.e. the chosen member of a merge cycle (docs/decisions/0012). The
     * persons concerned are those along this person's chain and those whose chains lead to it.
     */
    private void followMerges(WriteTx tx, String id) {
        Set<String> concerned = new LinkedHashSet<>();
        String current = link(tx, id);
        for (int i = 0; i < PersonRepository.MAX_CHAIN && current != null && !current.equals(id) && concerned.add(current); i++) {
            current = link(tx, current);
        }
        concerned.addAll(tx.dsl().resultQuery("WITH RECURSIVE m(id) AS (SELECT id FROM person WHERE merged_into = ? "
                + "UNION SELECT p.id FROM person p JOIN m ON p.merged_into = m.id) SELECT id FROM m", id)
                .fetch(0, String.class));
        concerned.remove(id);
        for (String other : concerned) {
            Record r = tx.dsl().fetchOne("SELECT * FROM person WHERE id = ?", other);
            if (r == null || r.get("merged_into") == null) {
                continue; // unaffected: shown exactly when not deleted, as before
            }
            boolean shown = tx.dsl().fetchExists(tx.dsl().selectOne().from("person_search").where("person_id = ?", other));
            boolean show = !Boolean.TRUE.equals(r.get("deleted", Boolean.class)) && survivorOf(tx, other).equals(other);
            if (shown && !show) {
                remove(tx, other);
            } else if (show && !shown) {
                add(tx, r);
            }
        }
    }

    private static String survivorOf(WriteTx tx, String id) {
        return PersonRepository.survivorOf(id, x -> link(tx, x));
    }

    /** A person's merge link, when it leads to a person that exists and is not deleted. */
    private static String link(WriteTx tx, String id) {
        Record r = tx.dsl().fetchOne("SELECT t.id FROM person p JOIN person t ON t.id = p.merged_into "
                + "WHERE p.id = ? AND p.deleted = 0 AND t.deleted = 0", id);
        return r == null ? null : r.get(0, String.class);
    }

    private static void remove(WriteTx tx, String id) {
        tx.derivedExecute("DELETE FROM person_fts WHERE rowid = (SELECT fts_rowid FROM person_search WHERE person_id = ?)", id);
        tx.derivedExecute("UPDATE person_count SET n = n - 1 WHERE office_id = "
                + "(SELECT coalesce(office_id, '') FROM person_search WHERE person_id = ?)", id);
        tx.derivedExecute("DELETE FROM person_search WHERE person_id = ?", id);
    }

    private static void add(WriteTx tx, Record row) {
        String id = row.get("id", String.class);
        long[] next = tx.<long[]>memo(NEXT_ROWID, () -> new long[] {
                ((Number) tx.dsl().fetchValue("SELECT coalesce(max(rowid), 0) FROM person_fts")).longValue()});
        long rowid = ++next[0];
        tx.derivedBatch("INSERT INTO person_fts (rowid, person_id, names) VALUES (?, ?, ?)", rowid, id, names(row));
        String office = row.get("office_id", String.class);
        tx.derivedBatch("INSERT INTO person_search (person_id, sort_key, fts_rowid, office_id) VALUES (?, ?, ?, ?)",
                id, sortKey(row), rowid, office);
        tx.derivedBatch("INSERT INTO person_count (office_id, n) VALUES (?, 1) "
                + "ON CONFLICT (office_id) DO UPDATE SET n = n + 1", office == null ? "" : office);
    }

    static String names(Record row) {
        return String.join(" ", NameFolding.fold(row.get("given_name", String.class)),
                NameFolding.fold(row.get("middle_name", String.class)),
                NameFolding.fold(row.get("family_name", String.class)),
                NameFolding.fold(row.get("given_name_orig", String.class)),
                NameFolding.fold(row.get("family_name_orig", String.class))).replaceAll(" +", " ").strip();
    }

    static String sortKey(Record row) {
        return sortKey(row.get("family_name", String.class), row.get("given_name", String.class));
    }

    /** The registry's order: family name, then given name, folded. */
    static String sortKey(String familyName, String givenName) {
        return NameFolding.fold(familyName) + " " + NameFolding.fold(givenName);
    }
}
