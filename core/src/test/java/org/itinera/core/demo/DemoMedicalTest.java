package org.itinera.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import java.nio.file.Path;
import java.util.List;
import org.itinera.core.medical.HealthAssessment;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's medical officer finds full, sealed medical files; the demo's movement officer cannot open them. */
class DemoMedicalTest {
    @TempDir
    Path dir;

    @Test
    void theDemoMedicalOfficerReadsSealedAssessments() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        Installation installation = TestInstallations.installation(dir, clock);
        assertThat(DemoSetup.prepare(installation, 300, ProgressSink.NONE)).isTrue();
        String person;
        try (Workspace ws = installation.signIn("fatou.sow", DemoSetup.PASSPHRASE.toCharArray())) {
            List<String> sealed = ws.store().read(dsl -> dsl.select(HEALTH_ASSESSMENT.PERSON_ID).from(HEALTH_ASSESSMENT)
                    .where(HEALTH_ASSESSMENT.DETAILS_SEALED.isNotNull()).fetch(HEALTH_ASSESSMENT.PERSON_ID));
            assertThat(sealed).hasSizeBetween(10, 25);
            person = sealed.getFirst();
            List<HealthAssessment> found = ws.health().assessments(ws.actor(), person);
            assertThat(found).anySatisfy(a -> assertThat(a.details()).hasValueSatisfying(
                    d -> assertThat(d.clinician()).isEqualTo("Dr Fatou Sow")));
            assertThat(ws.health().decisions(ws.actor(), person)).isNotEmpty();
        }
        try (Workspace ws = installation.signIn("moussa.keita", DemoSetup.PASSPHRASE.toCharArray())) {
            assertThat(ws.health().canOpenMedicalDetail(ws.actor())).isFalse();
            assertThat(ws.health().fitness(ws.actor(), person)).isPresent();
        }
    }
}
