package org.itinera.core.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.schema.jooq.DefaultSchema;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;

/**
 * The tables whose rows travel in sync packages: every table with the sync columns. Their
 * metadata columns (id and sync_*) are bookkeeping; every other column merges on its own.
 */
public final class SyncedTables {
    public static final Set<String> META_COLUMNS = Set.of("id", "sync_node", "sync_counter", "sync_hlc");

    private final Map<String, Table<?>> byName = new LinkedHashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();

    public SyncedTables() {
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (t.field("sync_counter") != null && t.field("id") != null) {
                byName.put(t.getName(), t);
            }
        }
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            rankOf(t);
        }
    }

    /**
     * Position in foreign-key order: a table ranks after every table it references, so writing
     * tables in rank order never leaves a child waiting for its parent.
     */
    public int rank(String table) {
        return rank.getOrDefault(table, Integer.MAX_VALUE);
    }

    private int rankOf(Table<?> t) {
        Integer known = rank.get(t.getName());
        if (known != null) {
            return known;
        }
        rank.put(t.getName(), 0); // guards against cycles
        int r = 0;
        for (ForeignKey<?, ?> fk : t.getReferences()) {
            Table<?> parent = fk.getKey().getTable();
            if (!parent.getName().equals(t.getName())) {
                r = Math.max(r, rankOf(parent) + 1);
            }
        }
        rank.put(t.getName(), r);
        return r;
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
