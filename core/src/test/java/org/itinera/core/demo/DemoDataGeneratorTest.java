package org.itinera.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {
    static final MutableClock CLOCK = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void theSameSeedGivesTheSamePeopleAndEveryModuleGetsRecords(@TempDir Path a, @TempDir Path b) {
        List<String> first;
        List<String> second;
        try (Workspace ws = TestInstallations.firstRun(a, CLOCK)) {
            ws.demoData(42).ensureOffices(ws.actor());
            long changesBefore = count(ws, "change_log");
            DemoSummary s = ws.demoData(42).generate(ws.actor(), 1000, ProgressSink.NONE);
            assertThat(s.persons()).isEqualTo(1000);
            assertThat(s.households()).isGreaterThan(50);
            assertThat(s.movements()).isGreaterThan(100);
            assertThat(s.plannedDuplicates()).isGreaterThan(0);
            first = fingerprint(ws);
            for (String table : List.of("person_document", "household_member", "case_file", "movement", "consent",
                    "vulnerability_screening", "fitness_decision", "health_assessment", "assistance_plan",
                    "plan_component", "partner")) {
                assertThat(count(ws, table)).as(table).isPositive();
            }
            // every generated row left a change record, as any write does
            assertThat(count(ws, "change_log") - changesBefore).isEqualTo(s.rowsWritten());
            assertThat(ws.persons().count(ws.actor())).isEqualTo(1000);
        }
        try (Workspace ws = TestInstallations.firstRun(b, CLOCK)) {
            ws.demoData(42).generate(ws.actor(), 1000, ProgressSink.NONE);
            second = fingerprint(ws);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void namesComeInLatinAndOriginalScriptWithSpellingVariants(@TempDir Path dir) {
        try (Workspace ws = TestInstallations.firstRun(dir, CLOCK)) {
            ws.demoData(7).generate(ws.actor(), 3000, ProgressSink.NONE);
            long arabic = ws.store().read(dsl -> dsl.fetchCount(dsl.selectFrom("person").where("orig_script = 'Arab'")));
            assertThat(arabic).isGreaterThan(100);
            List<String> spellings = ws.store().read(dsl -> dsl.selectDistinct(org.jooq.impl.DSL.field("given_name", String.class))
                    .from("person").where("given_name IN ('Mohamed','Mohammed','Muhammad','Mohamad')").fetchInto(String.class));
            assertThat(spellings.size()).isGreaterThanOrEqualTo(3);
            assertThat(ws.persons().search(ws.actor(), "محمد", 10).hits()).isNotEmpty();
        }
    }

    private static List<String> fingerprint(Workspace ws) {
        return ws.store().read(dsl -> dsl.resultQuery(
                "SELECT given_name || '|' || family_name || '|' || coalesce(given_name_orig,'') || '|' || sex || '|' "
                        + "|| coalesce(birth_date,'') || '|' || birth_precision || '|' || coalesce(nationality,'') FROM person "
                        + "ORDER BY 1").fetchInto(String.class));
    }

    private static long count(Workspace ws, String table) {
        return ws.store().read(dsl -> dsl.fetchCount(org.jooq.impl.DSL.table(table)));
    }
}
