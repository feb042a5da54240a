package org.itinera.core.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.schema.SchemaVersion;

/** A health check of an open database: what `itinera db check` prints. */
public final class DatabaseCheck {
    private static final List<String> COUNTED = List.of("person", "household", "case_file", "movement", "manifest",
            "health_assessment", "assistance_plan", "consent", "app_user", "change_log", "audit_entry");

    private DatabaseCheck() {
    }

    public record Report(int schemaVersion, List<String> integrity, int foreignKeyProblems, Map<String, Long> counts) {
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (!(integrity.size() == 1 && "ok".equals(integrity.getFirst()))) {
                out.add("integrity: " + integrity);
            }
            if (foreignKeyProblems > 0) {
                out.add("foreign keys: " + foreignKeyProblems + " broken references");
            }
            if (schemaVersion != SchemaVersion.LATEST) {
                out.add("schema version " + schemaVersion + ", expected " + SchemaVersion.LATEST);
            }
            return out;
        }
    }

    public static Report run(Database db) {
        return db.read(dsl -> {
            List<String> integrity = dsl.resultQuery("PRAGMA integrity_check").fetch(0, String.class);
            int fk = dsl.resultQuery("PRAGMA foreign_key_check").fetch().size();
            Integer version = dsl.resultQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")
                    .fetchOne(0, Integer.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : COUNTED) {
                counts.put(t, dsl.resultQuery("SELECT count(*) FROM " + t).fetchOne(0, Long.class));
            }
            return new Report(version == null ? 0 : version, integrity, fk, counts);
        });
    }
}
