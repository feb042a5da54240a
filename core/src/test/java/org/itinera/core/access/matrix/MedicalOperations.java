package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.home;

import java.time.LocalDate;
import java.util.List;
import org.itinera.core.access.Permission;
import org.itinera.core.medical.AssessmentDetails;
import org.itinera.core.medical.AssessmentDraft;
import org.itinera.core.medical.AssessmentType;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.FitnessDraft;
import org.itinera.core.medical.ReferralDraft;
import org.itinera.core.medical.TestResult;

/** Health: the fitness decision for everyone on the case, details for medical staff only (issue 6). */
final class MedicalOperations {
    private MedicalOperations() {
    }

    static AssessmentDetails details() {
        return new AssessmentDetails("Dr Sow", "none", "normal", List.of(new TestResult("Malaria RDT", "negative")),
                "healthy adult", "Z00.0", "yellow fever 2025", "fit to travel");
    }

    static final List<Operation> LIST = List.of(
            home("HealthService.fitness", Permission.FITNESS_DECISION_READ, (f, a) -> f.ws.health().fitness(a, f.homePerson)),
            home("HealthService.assessments", Permission.MEDICAL_DETAIL_READ,
                    (f, a) -> f.ws.health().assessments(a, f.homePerson)),
            home("HealthService.decisions", Permission.MEDICAL_DETAIL_READ,
                    (f, a) -> f.ws.health().decisions(a, f.homePerson)),
            home("HealthService.referrals", Permission.MEDICAL_DETAIL_READ,
                    (f, a) -> f.ws.health().referrals(a, f.homePerson)),
            home("HealthService.recordAssessment", Permission.MEDICAL_DETAIL_WRITE,
                    (f, a) -> f.ws.health().recordAssessment(a, new AssessmentDraft(f.homePerson, AssessmentType.PRE_DEPARTURE,
                            LocalDate.of(2026, 11, 20), details()))),
            home("HealthService.recordFitness", Permission.FITNESS_DECISION_WRITE,
                    (f, a) -> f.ws.health().recordFitness(a, new FitnessDraft(f.homePerson, null, Fitness.FIT_WITH_ESCORT,
                            EscortLevel.NURSE, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23), "nurse on board"))),
            home("HealthService.recordCheck", Permission.MEDICAL_DETAIL_WRITE,
                    (f, a) -> f.ws.health().recordCheck(a, new AssessmentDraft(f.homePerson, AssessmentType.PRE_DEPARTURE,
                            LocalDate.of(2026, 11, 20), details()), new FitnessDraft(f.homePerson, null,
                            Fitness.FIT_WITH_ESCORT, EscortLevel.NURSE, LocalDate.of(2026, 11, 20),
                            LocalDate.of(2026, 11, 23), null))),
            home("HealthService.refer", Permission.MEDICAL_DETAIL_WRITE,
                    (f, a) -> f.ws.health().refer(a, new ReferralDraft(f.homePerson, null, LocalDate.of(2026, 11, 20), null,
                            "dental care"))));
}
