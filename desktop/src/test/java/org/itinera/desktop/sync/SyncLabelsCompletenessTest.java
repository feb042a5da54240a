package org.itinera.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.itinera.core.store.SyncedTables;
import org.itinera.sync.exchange.ExchangeRepository;
import org.junit.jupiter.api.Test;

/**
 * Every table and column that travels in sync packages (the registry export and import use:
 * {@link SyncedTables}, through {@link ExchangeRepository#table}) has a plain-words label in the
 * English, French and Arabic sync bundles, so a conflict on it never shows as "place_of_birth".
 */
class SyncLabelsCompletenessTest {
    static final List<String> LANGUAGES = List.of("", "_fr", "_ar");

    /** Synced table → its data columns, as export and import see them. */
    static Map<String, Set<String>> syncedColumns() {
        ExchangeRepository repository = new ExchangeRepository();
        Map<String, Set<String>> out = new TreeMap<>();
        for (String table : new SyncedTables().all().keySet()) {
            out.put(table, repository.table(table).orElseThrow().dataColumns().keySet());
        }
        return out;
    }

    static Properties bundle(String suffix) throws IOException {
        String name = "/org/itinera/desktop/i18n/sync" + suffix + ".properties";
        try (InputStream in = SyncLabelsCompletenessTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everySyncedTableAndColumnHasALabelInEveryLanguage() throws IOException {
        Map<String, Set<String>> synced = syncedColumns();
        assertThat(synced).as("synced tables").containsKeys("person", "case_file", "movement", "consent");
        assertThat(synced.get("person")).contains("place_of_birth", "given_name").doesNotContain("id", "sync_hlc");
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties p = bundle(language);
            synced.forEach((table, columns) -> {
                check(p, SyncLabels.RECORD + table, language, missing);
                columns.forEach(column -> check(p, SyncLabels.FIELD + column, language, missing));
            });
        }
        assertThat(missing).as("synced tables/columns without a label (sync.record.<table>, sync.field.<column>)")
                .isEmpty();
    }

    private static void check(Properties p, String key, String language, List<String> missing) {
        String label = p.getProperty(key);
        if (label == null || label.isBlank() || label.contains("_")) {
            missing.add(key + " in sync" + language + ".properties" + (label == null ? "" : " (“" + label + "”)"));
        }
    }

    @Test
    void noLabelIsLeftForATableOrColumnThatNoLongerTravels() throws IOException {
        Map<String, Set<String>> synced = syncedColumns();
        Set<String> columns = new java.util.HashSet<>();
        synced.values().forEach(columns::addAll);
        List<String> stale = new ArrayList<>();
        for (String key : bundle("").stringPropertyNames()) {
            if (key.startsWith(SyncLabels.RECORD) && !synced.containsKey(key.substring(SyncLabels.RECORD.length()))
                    || key.startsWith(SyncLabels.FIELD) && !columns.contains(key.substring(SyncLabels.FIELD.length()))) {
                stale.add(key);
            }
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void everyColumnShownThroughAnEnumerationLabelIsASyncedColumn() {
        Map<String, Set<String>> synced = syncedColumns();
        SyncLabels.enumColumns().forEach((table, columns) -> columns.keySet().forEach(column ->
                assertThat(synced.getOrDefault(table, Set.of())).as(table + "." + column).contains(column)));
    }
}
