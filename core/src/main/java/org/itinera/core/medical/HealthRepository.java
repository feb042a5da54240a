package org.itinera.core.medical;

import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Health assessments and fitness decisions, read-only until the medical module (issue 6) writes them. */
public final class HealthRepository {

    public Optional<FitnessStatus> latestFitness(DSLContext dsl, String personId) {
        return dsl.selectFrom(FITNESS_DECISION)
                .where(FITNESS_DECISION.PERSON_ID.eq(personId).and(FITNESS_DECISION.DELETED.isFalse()))
                .orderBy(FITNESS_DECISION.DECIDED_AT.desc()).limit(1).fetchOptional()
                .map(r -> new FitnessStatus(personId, Fitness.valueOf(r.getDecision()),
                        Optional.ofNullable(r.getEscortRequired()).filter(e -> !"NONE".equals(e)),
                        LocalDate.parse(r.getValidFrom()), Optional.ofNullable(r.getValidUntil()).map(LocalDate::parse)));
    }

    public List<HealthAssessment> assessments(DSLContext dsl, String personId) {
        return dsl.selectFrom(HEALTH_ASSESSMENT)
                .where(HEALTH_ASSESSMENT.PERSON_ID.eq(personId).and(HEALTH_ASSESSMENT.DELETED.isFalse()))
                .orderBy(HEALTH_ASSESSMENT.ASSESSED_ON.desc())
                .fetch(r -> new HealthAssessment(r.getId(), personId, r.getAssessmentType(),
                        LocalDate.parse(r.getAssessedOn()), Optional.ofNullable(r.getClinicianId()),
                        r.getDetailsSealed() != null));
    }
}
