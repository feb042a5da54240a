package org.itinera.core.store;

import org.jooq.Record;

/**
 * Local data derived from a synced table (search indexes), maintained by the write path for local
 * and remote writes alike. Never synced itself: every node derives it from the rows it holds.
 */
public interface DerivedIndex {
    /** The synced table this index follows. */
    String table();

    /** Called after a row was inserted or updated; {@code row} holds every column of the row. */
    void afterWrite(WriteTx tx, Record row, boolean inserted);
}
