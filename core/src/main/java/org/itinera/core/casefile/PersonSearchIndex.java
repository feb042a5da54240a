package org.itinera.core.casefile;

import org.itinera.core.store.DerivedIndex;
import org.itinera.core.store.WriteTx;
import org.jooq.Record;

/**
 * Keeps the person search data in step with the person table: folded names in the trigram index
 * (Latin and original script together) and the folded sort key for prefix searches. Deleted and
 * merged persons leave the index.
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
            tx.derivedExecute("DELETE FROM person_fts WHERE rowid = (SELECT fts_rowid FROM person_search WHERE person_id = ?)", id);
            tx.derivedExecute("UPDATE person_count SET n = n - 1 WHERE office_id = "
                    + "(SELECT coalesce(office_id, '') FROM person_search WHERE person_id = ?)", id);
            tx.derivedExecute("DELETE FROM person_search WHERE person_id = ?", id);
        }
        boolean gone = Boolean.TRUE.equals(row.get("deleted", Boolean.class)) || row.get("merged_into") != null;
        if (gone) {
            return;
        }
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
