package org.itinera.core.settings;

import static org.itinera.schema.jooq.Tables.APP_SETTING;

import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.jooq.DSLContext;

/** Settings of this laptop (not synced): one text value per key. */
public final class SettingsRepository {
    public Optional<String> get(DSLContext dsl, String key) {
        return dsl.select(APP_SETTING.VALUE).from(APP_SETTING).where(APP_SETTING.KEY.eq(key)).fetchOptional(APP_SETTING.VALUE);
    }

    public void put(WriteTx tx, String key, String value) {
        tx.dsl().insertInto(APP_SETTING).set(APP_SETTING.KEY, key).set(APP_SETTING.VALUE, value)
                .onConflict(APP_SETTING.KEY).doUpdate().set(APP_SETTING.VALUE, value).execute();
    }
}
