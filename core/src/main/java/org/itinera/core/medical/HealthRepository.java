package org.itinera.core.medical;

import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;
import static org.itinera.schema.jooq.Tables.MEDICAL_REFERRAL;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.FitnessDecisionRecord;
import org.itinera.schema.jooq.tables.records.HealthAssessmentRecord;
import org.itinera.schema.jooq.tables.records.MedicalReferralRecord;
import org.jooq.DSLContext;

/**
 * Health assessments, fitness decisions and referrals. All three are facts: inserted, never
 * updated. Sealed columns go in and come out as the bytes the medical key made; the service seals
 * and opens them.
 */
public final class HealthRepository {
    static final String ASSESSMENT = "health_assessment";
    static final String DECISION = "fitness_decision";
    static final String REFERRAL = "medical_referral";

    /** A row as stored: clear columns plus the sealed value and the id of the key that sealed it. */
    record Sealed<T>(T row, String keyId, byte[] sealed) {
    }

    public Optional<FitnessStatus> latestFitness(DSLContext dsl, String personId) {
        return dsl.selectFrom(FITNESS_DECISION)
                .where(FITNESS_DECISION.PERSON_ID.eq(personId).and(FITNESS_DECISION.DELETED.isFalse()))
                .orderBy(FITNESS_DECISION.DECIDED_AT.desc()).limit(1).fetchOptional()
                .map(r -> new FitnessStatus(personId, Fitness.valueOf(r.getDecision()),
                        Optional.ofNullable(r.getEscortRequired()).filter(e -> !"NONE".equals(e)),
                        LocalDate.parse(r.getValidFrom()), Optional.ofNullable(r.getValidUntil()).map(LocalDate::parse)));
    }

    void insertAssessment(WriteTx tx, String id, AssessmentDraft d, String clinicianId, String keyId, byte[] sealed) {
        HealthAssessmentRecord r = tx.newRecord(HEALTH_ASSESSMENT);
        r.setId(id);
        r.setPersonId(d.personId());
        r.setAssessmentType(d.type().name());
        r.setAssessedOn(d.assessedOn().toString());
        r.setClinicianId(clinicianId);
        r.setDetailsSealed(sealed);
        r.setMedicalKeyId(keyId);
        tx.insert(r);
    }

    void insertDecision(WriteTx tx, String id, FitnessDraft d, String decidedBy, String decidedAt, String keyId,
                        byte[] sealed) {
        FitnessDecisionRecord r = tx.newRecord(FITNESS_DECISION);
        r.setId(id);
        r.setPersonId(d.personId());
        r.setAssessmentId(d.assessmentId());
        r.setDecision(d.decision().name());
        r.setEscortRequired(d.escort() == null ? EscortLevel.NONE.name() : d.escort().name());
        r.setValidFrom(d.validFrom().toString());
        r.setValidUntil(d.validUntil() == null ? null : d.validUntil().toString());
        r.setDecidedBy(decidedBy);
        r.setDecidedAt(decidedAt);
        r.setConditionsSealed(sealed);
        r.setMedicalKeyId(keyId);
        tx.insert(r);
    }

    void insertReferral(WriteTx tx, String id, ReferralDraft d, String keyId, byte[] sealed) {
        MedicalReferralRecord r = tx.newRecord(MEDICAL_REFERRAL);
        r.setId(id);
        r.setPersonId(d.personId());
        r.setAssessmentId(d.assessmentId());
        r.setReferredOn(d.referredOn().toString());
        r.setStatus(TreatmentReferralStatus.SENT.name());
        r.setFacilityId(d.facilityId());
        r.setDetailsSealed(sealed);
        r.setMedicalKeyId(keyId);
        tx.insert(r);
    }

    /** The person an assessment belongs to, if it exists. */
    Optional<String> personOfAssessment(DSLContext dsl, String assessmentId) {
        return dsl.select(HEALTH_ASSESSMENT.PERSON_ID).from(HEALTH_ASSESSMENT)
                .where(HEALTH_ASSESSMENT.ID.eq(assessmentId).and(HEALTH_ASSESSMENT.DELETED.isFalse()))
                .fetchOptional(HEALTH_ASSESSMENT.PERSON_ID);
    }

    /** Assessments, newest first; details still sealed (the "details" component is empty). */
    List<Sealed<HealthAssessment>> assessments(DSLContext dsl, String personId) {
        return dsl.selectFrom(HEALTH_ASSESSMENT)
                .where(HEALTH_ASSESSMENT.PERSON_ID.eq(personId).and(HEALTH_ASSESSMENT.DELETED.isFalse()))
                .orderBy(HEALTH_ASSESSMENT.ASSESSED_ON.desc(), HEALTH_ASSESSMENT.ID.desc())
                .fetch(r -> new Sealed<>(new HealthAssessment(r.getId(), personId, r.getAssessmentType(),
                        LocalDate.parse(r.getAssessedOn()), Optional.ofNullable(r.getClinicianId()),
                        r.getDetailsSealed() != null, Optional.empty()), r.getMedicalKeyId(), r.getDetailsSealed()));
    }

    /** Decisions, newest first; conditions still sealed. */
    List<Sealed<FitnessRecord>> decisions(DSLContext dsl, String personId) {
        return dsl.selectFrom(FITNESS_DECISION)
                .where(FITNESS_DECISION.PERSON_ID.eq(personId).and(FITNESS_DECISION.DELETED.isFalse()))
                .orderBy(FITNESS_DECISION.DECIDED_AT.desc(), FITNESS_DECISION.ID.desc())
                .fetch(r -> new Sealed<>(new FitnessRecord(r.getId(), personId, Optional.ofNullable(r.getAssessmentId()),
                        Fitness.valueOf(r.getDecision()),
                        r.getEscortRequired() == null ? EscortLevel.NONE : EscortLevel.valueOf(r.getEscortRequired()),
                        LocalDate.parse(r.getValidFrom()), Optional.ofNullable(r.getValidUntil()).map(LocalDate::parse),
                        r.getDecidedAt(), Optional.ofNullable(r.getDecidedBy()), Optional.empty()),
                        r.getMedicalKeyId(), r.getConditionsSealed()));
    }

    /** Referrals, newest first; reasons still sealed. */
    List<Sealed<MedicalReferral>> referrals(DSLContext dsl, String personId) {
        return dsl.selectFrom(MEDICAL_REFERRAL)
                .where(MEDICAL_REFERRAL.PERSON_ID.eq(personId).and(MEDICAL_REFERRAL.DELETED.isFalse()))
                .orderBy(MEDICAL_REFERRAL.REFERRED_ON.desc(), MEDICAL_REFERRAL.ID.desc())
                .fetch(r -> new Sealed<>(new MedicalReferral(r.getId(), personId, Optional.ofNullable(r.getAssessmentId()),
                        LocalDate.parse(r.getReferredOn()), TreatmentReferralStatus.valueOf(r.getStatus()),
                        Optional.ofNullable(r.getFacilityId()), Optional.empty()),
                        r.getMedicalKeyId(), r.getDetailsSealed()));
    }
}
