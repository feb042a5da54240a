package org.itinera.core.demo;

import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.itinera.core.access.Actor;
import org.itinera.core.medical.AssessmentDetails;
import org.itinera.core.medical.AssessmentDraft;
import org.itinera.core.medical.AssessmentType;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.FitnessDraft;
import org.itinera.core.medical.FitnessStatus;
import org.itinera.core.medical.TestResult;
import org.itinera.core.workspace.Workspace;

/**
 * Demo medical files: for some persons who already have a demo fitness decision, the medical
 * officer records a full assessment (sealed with the medical key) and the same decision again, so
 * the manifest gate and the movement demo see exactly what they saw before.
 */
final class DemoMedical {
    private static final String[][] FILES = {
        {"No significant history", "Normal examination", "Malaria RDT", "negative", "Healthy adult", "Z00.0",
            "Yellow fever 2019", "Fit to travel"},
        {"Type 2 diabetes since 2018", "BP 135/85, glycaemia 1.4 g/L", "HbA1c", "7.2 %", "Type 2 diabetes", "E11.9",
            "Yellow fever 2021", "Stable; carries insulin in cabin luggage"},
        {"Fracture of the left tibia in March", "Walks with crutches", "X-ray left leg", "consolidating fracture",
            "Healing fracture of the tibia", "S82.2", "Yellow fever 2020, tetanus 2025", "Needs wheelchair assistance"},
        {"Pregnancy, 30 weeks", "Normal obstetric examination", "Ultrasound", "single pregnancy, normal growth",
            "Pregnancy, third trimester", "Z34.9", "Tetanus 2026", "Travel before 32 weeks only"},
        {"Cough for six weeks, weight loss", "Crackles at the right apex", "Chest X-ray", "right upper lobe opacity",
            "Suspected pulmonary tuberculosis", "A15.0", "Yellow fever 2015", "Sputum tests pending"},
    };

    private DemoMedical() {
    }

    /** Adds sealed detail to up to {@code count} demo persons' latest check, as {@code medic}. */
    static int record(Workspace ws, Actor medic, int count, long seed) {
        if (!ws.health().canOpenMedicalDetail(medic)) {
            return 0;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> persons = ws.store().read(dsl -> dsl.selectDistinct(HEALTH_ASSESSMENT.PERSON_ID).from(HEALTH_ASSESSMENT)
                .where(HEALTH_ASSESSMENT.DETAILS_SEALED.isNull()).orderBy(HEALTH_ASSESSMENT.PERSON_ID).limit(count)
                .fetch(HEALTH_ASSESSMENT.PERSON_ID));
        int done = 0;
        for (String person : persons) {
            FitnessStatus latest = ws.health().fitness(medic, person).orElse(null);
            if (latest == null) {
                continue;
            }
            String[] f = FILES[latest.decision() == Fitness.UNFIT ? 4 : rnd.nextInt(4)];
            LocalDate on = latest.validFrom().isAfter(LocalDate.now(ws.clock())) ? LocalDate.now(ws.clock()) : latest.validFrom();
            ws.health().recordCheck(medic, new AssessmentDraft(person, AssessmentType.PRE_DEPARTURE, on,
                    new AssessmentDetails("Dr Fatou Sow", f[0], f[1], List.of(new TestResult(f[2], f[3])), f[4], f[5], f[6],
                            f[7])),
                    new FitnessDraft(person, null, latest.decision(),
                            latest.escort().map(EscortLevel::valueOf).orElse(EscortLevel.NONE), latest.validFrom(),
                            latest.validUntil().orElse(null), latest.decision() == Fitness.FIT ? null : f[7]));
            done++;
        }
        return done;
    }
}
