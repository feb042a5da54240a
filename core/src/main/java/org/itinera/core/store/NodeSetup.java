package org.itinera.core.store;

import static org.itinera.schema.jooq.Tables.NODE;

import org.itinera.core.db.Database;

/** Gives a new database its node identity (once, at first run). */
public final class NodeSetup {
    private NodeSetup() {
    }

    public enum Kind { LAPTOP, HUB }

    public static void ensureSelf(Database db, IdGenerator ids, String name, Kind kind) {
        db.withWriter((c, dsl) -> {
            if (dsl.fetchExists(NODE, NODE.IS_SELF.isTrue())) {
                return null;
            }
            dsl.insertInto(NODE)
                    .set(NODE.NODE_ID, ids.next())
                    .set(NODE.NAME, name)
                    .set(NODE.KIND, kind.name())
                    .set(NODE.IS_SELF, true)
                    .execute();
            return null;
        });
    }
}
