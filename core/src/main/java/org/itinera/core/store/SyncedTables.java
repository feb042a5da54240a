package org.itinera.core.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.schema.jooq.DefaultSchema;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The tables whose rows travel in sync packages: every table with the sync columns. Their
 * metadata columns (id and sync_*) are bookkeeping; every other column merges on its own.
 */
public final class SyncedTables {
    public static final Set<String> META_COLUMNS = Set.of("id", "sync_node", "sync_counter", "sync_hlc");

    private final Map<String, Table<?>> byName = new LinkedHashMap<>();

    public SyncedTables() {
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (t.field("sync_counter") != null && t.field("id") != null) {
                byName.put(t.getName(), t);
            }
        }
    }

    public boolean isSynced(Table<?> table) {
        return byName.containsKey(table.getName());
    }

    public Optional<Table<?>> table(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Table<?>> all() {
        return Map.copyOf(byName);
    }

    public static boolean isDataColumn(Field<?> f) {
        return !META_COLUMNS.contains(f.getName());
    }
}
