package org.itinera.core.recovery;

import static org.itinera.schema.jooq.Tables.DEVICE_SECRET;
import static org.itinera.schema.jooq.Tables.NODE;

import java.time.Instant;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.jooq.DSLContext;

/** The sealed recovery escrow waiting for the next sync package, and this laptop's node id. */
public final class RecoveryRepository {
    static final String ESCROW = "recovery-escrow";

    public String selfNodeId(DSLContext dsl) {
        return dsl.select(NODE.NODE_ID).from(NODE).where(NODE.IS_SELF.isTrue()).fetchOne(NODE.NODE_ID);
    }

    public void putEscrow(WriteTx tx, byte[] escrow, Instant at) {
        tx.dsl().insertInto(DEVICE_SECRET).set(DEVICE_SECRET.NAME, ESCROW).set(DEVICE_SECRET.CREATED_AT, at.toString())
                .set(DEVICE_SECRET.VALUE, escrow)
                .onConflict(DEVICE_SECRET.NAME).doUpdate()
                .set(DEVICE_SECRET.CREATED_AT, at.toString()).set(DEVICE_SECRET.VALUE, escrow).execute();
    }

    public Optional<byte[]> escrow(DSLContext dsl) {
        return dsl.select(DEVICE_SECRET.VALUE).from(DEVICE_SECRET).where(DEVICE_SECRET.NAME.eq(ESCROW))
                .fetchOptional(DEVICE_SECRET.VALUE);
    }
}
