package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.home;

import java.util.List;
import org.itinera.core.access.Permission;

/** Health: the fitness decision for everyone on the case, details for medical staff (issue 6 adds its methods here). */
final class MedicalOperations {
    private MedicalOperations() {
    }

    static final List<Operation> LIST = List.of(
            home("HealthService.fitness", Permission.FITNESS_DECISION_READ, (f, a) -> f.ws.health().fitness(a, f.homePerson)),
            home("HealthService.assessments", Permission.MEDICAL_DETAIL_READ,
                    (f, a) -> f.ws.health().assessments(a, f.homePerson)));
}
