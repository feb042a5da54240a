package org.itinera.sync.recovery;

import static org.itinera.schema.jooq.Tables.APP_SETTING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.jooq.DSLContext;

/** Account recovery's local, unsynced state in {@code app_setting} ({@code recoverymail.*} rows). */
public final class RecoveryMailRepository {
    private static final org.itinera.core.recovery.RecoveryRepository SELF = new org.itinera.core.recovery.RecoveryRepository();

    public String selfNodeId(DSLContext dsl) {
        return SELF.selfNodeId(dsl);
    }

    public Optional<String> get(DSLContext dsl, String key) {
        return dsl.select(APP_SETTING.VALUE).from(APP_SETTING).where(APP_SETTING.KEY.eq(key))
                .fetchOptional(APP_SETTING.VALUE);
    }

    public Optional<String> get(WriteTx tx, String key) {
        return get(tx.dsl(), key);
    }

    /** Rows whose key starts with {@code prefix}, by key. */
    public List<Map.Entry<String, String>> startingWith(DSLContext dsl, String prefix) {
        return dsl.select(APP_SETTING.KEY, APP_SETTING.VALUE).from(APP_SETTING).where(APP_SETTING.KEY.startsWith(prefix))
                .orderBy(APP_SETTING.KEY).fetch(r -> Map.entry(r.value1(), r.value2()));
    }

    public void put(WriteTx tx, String key, String value) {
        tx.dsl().insertInto(APP_SETTING).set(APP_SETTING.KEY, key).set(APP_SETTING.VALUE, value)
                .onConflict(APP_SETTING.KEY).doUpdate().set(APP_SETTING.VALUE, value).execute();
    }

    public void delete(WriteTx tx, String key) {
        tx.dsl().deleteFrom(APP_SETTING).where(APP_SETTING.KEY.eq(key)).execute();
    }
}
