package org.itinera.core.medical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.Validator;

/**
 * Health: what the rest of the application may know (the fitness decision, for everyone who works
 * the case) and what only medical staff may read or write (assessments, conditions of travel,
 * referrals), sealed with the medical key of the session (docs/decisions/0009). Every record is
 * a fact: a new decision supersedes the previous one, nothing is updated.
 */
public final class HealthService {
    /** An ICD-10 code: a letter, two digits, optionally a dot and up to four more characters. */
    static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    static final int LONG_TEXT = 4000;

    private final Store store;
    private final HealthRepository health;
    private final PersonRepository persons;
    private final AccessPolicy access;
    private final MedicalSeal seal;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HealthService(Store store, HealthRepository health, PersonRepository persons, AccessPolicy access,
                         MedicalSeal seal, Clock clock) {
        this.store = store;
        this.health = health;
        this.persons = persons;
        this.access = access;
        this.seal = seal;
        this.clock = clock;
    }

    /** The latest fitness-to-travel decision, without any medical detail. */
    public Optional<FitnessStatus> fitness(Actor actor, String personId) {
        access.require(actor, Permission.FITNESS_DECISION_READ, officeOf(personId));
        return store.read(dsl -> health.latestFitness(dsl, personId));
    }

    /** Whether this session can seal and open medical detail (the user holds the medical key here). */
    public boolean canOpenMedicalDetail(Actor actor) {
        return access.allowsSomewhere(actor, Permission.MEDICAL_DETAIL_READ) && seal.available();
    }

    /**
     * A person's health assessments, newest first, with their details opened: medical staff only,
     * and the read is recorded. Details sealed with a key this session does not hold stay closed.
     */
    public List<HealthAssessment> assessments(Actor actor, String personId) {
        access.require(actor, Permission.MEDICAL_DETAIL_READ, officeOf(personId));
        List<HealthAssessment> found = store.read(dsl -> health.assessments(dsl, personId)).stream()
                .map(s -> {
                    HealthAssessment a = s.row();
                    Optional<AssessmentDetails> details = openText(HealthRepository.ASSESSMENT, "details_sealed",
                            a.id(), s.keyId(), s.sealed()).flatMap(this::details);
                    return new HealthAssessment(a.id(), a.personId(), a.type(), a.assessedOn(), a.clinicianId(),
                            a.hasSealedDetails(), details);
                }).toList();
        store.auditOnly(actor, AuditEvent.ok("MEDICAL_VIEW", "person", personId));
        return found;
    }

    /** Records a pre-departure (or other) assessment; its details are sealed before they are written. */
    public String recordAssessment(Actor actor, AssessmentDraft draft) {
        String office = officeOf(draft.personId());
        access.require(actor, Permission.MEDICAL_DETAIL_WRITE, office);
        validate(draft);
        String id = store.ids().next();
        byte[] sealed = seal.seal(HealthRepository.ASSESSMENT, "details_sealed", id, toJson(draft.details()));
        String keyId = seal.keyId();
        store.write(actor, AuditEvent.ok("MEDICAL_ASSESSMENT_RECORD", "health_assessment", id), tx -> {
            health.insertAssessment(tx, id, draft, actor.userId(), keyId, sealed);
            return null;
        });
        return id;
    }

    /**
     * Records an assessment and the fitness decision taken on it together, in one transaction: both
     * are checked first (every field error of both is reported) and either both are written or
     * neither. The decision's {@code assessmentId} is ignored: it is the new assessment.
     */
    public String recordCheck(Actor actor, AssessmentDraft assessment, FitnessDraft decision) {
        String office = officeOf(assessment.personId());
        access.require(actor, Permission.MEDICAL_DETAIL_WRITE, office);
        access.require(actor, Permission.FITNESS_DECISION_WRITE, office);
        FitnessDraft d = new FitnessDraft(assessment.personId(), null, decision.decision(), decision.escort(),
                decision.validFrom(), decision.validUntil(), decision.conditions());
        List<FieldError> errors = new java.util.ArrayList<>(errorsOf(assessment));
        errors.addAll(errorsOf(d));
        throwIfAny(errors);
        String id = store.ids().next();
        String decisionId = store.ids().next();
        byte[] details = seal.seal(HealthRepository.ASSESSMENT, "details_sealed", id, toJson(assessment.details()));
        boolean hasConditions = d.conditions() != null && !d.conditions().isBlank();
        byte[] conditions = hasConditions
                ? seal.seal(HealthRepository.DECISION, "conditions_sealed", decisionId, d.conditions().strip()) : null;
        String keyId = seal.keyId();
        String decidedAt = clock.instant().toString();
        FitnessDraft linked = new FitnessDraft(d.personId(), id, d.decision(), d.escort(), d.validFrom(), d.validUntil(),
                d.conditions());
        store.write(actor, AuditEvent.ok("MEDICAL_CHECK_RECORD", "health_assessment", id), tx -> {
            health.insertAssessment(tx, id, assessment, actor.userId(), keyId, details);
            health.insertDecision(tx, decisionId, linked, actor.userId(), decidedAt, hasConditions ? keyId : null,
                    conditions);
            return null;
        });
        return id;
    }

    /**
     * Records a fitness-to-travel decision. It supersedes earlier ones from now on; the manifest
     * gate reads the latest decision valid on the day of travel.
     */
    public String recordFitness(Actor actor, FitnessDraft draft) {
        String office = officeOf(draft.personId());
        access.require(actor, Permission.FITNESS_DECISION_WRITE, office);
        validate(draft);
        String id = store.ids().next();
        boolean hasConditions = draft.conditions() != null && !draft.conditions().isBlank();
        byte[] sealed = hasConditions ? seal.seal(HealthRepository.DECISION, "conditions_sealed", id, draft.conditions().strip()) : null;
        String keyId = hasConditions ? seal.keyId() : null;
        String decidedAt = clock.instant().toString();
        store.write(actor, AuditEvent.ok("FITNESS_DECIDE", "fitness_decision", id), tx -> {
            health.insertDecision(tx, id, draft, actor.userId(), decidedAt, keyId, sealed);
            return null;
        });
        return id;
    }

    /** Every fitness decision of a person, newest first, with conditions of travel: medical staff only. */
    public List<FitnessRecord> decisions(Actor actor, String personId) {
        access.require(actor, Permission.MEDICAL_DETAIL_READ, officeOf(personId));
        List<FitnessRecord> found = store.read(dsl -> health.decisions(dsl, personId)).stream().map(s -> {
            FitnessRecord r = s.row();
            return new FitnessRecord(r.id(), r.personId(), r.assessmentId(), r.decision(), r.escort(), r.validFrom(),
                    r.validUntil(), r.decidedAt(), r.decidedBy(),
                    openText(HealthRepository.DECISION, "conditions_sealed", r.id(), s.keyId(), s.sealed()));
        }).toList();
        store.auditOnly(actor, AuditEvent.ok("MEDICAL_VIEW", "person", personId));
        return found;
    }

    /** Refers a person for treatment (status SENT); the reason is sealed. */
    public String refer(Actor actor, ReferralDraft draft) {
        String office = officeOf(draft.personId());
        access.require(actor, Permission.MEDICAL_DETAIL_WRITE, office);
        Validator v = new Validator().required("person", draft.personId())
                .required("referredOn", draft.referredOn() == null ? null : draft.referredOn().toString())
                .notInFuture("referredOn", draft.referredOn(), LocalDate.now(clock))
                .required("reason", draft.reason()).maxLength("reason", draft.reason(), LONG_TEXT);
        checkAssessment(v, draft.personId(), draft.assessmentId());
        v.throwIfInvalid();
        String id = store.ids().next();
        byte[] sealed = seal.seal(HealthRepository.REFERRAL, "details_sealed", id, draft.reason().strip());
        String keyId = seal.keyId();
        store.write(actor, AuditEvent.ok("MEDICAL_REFERRAL", "medical_referral", id), tx -> {
            health.insertReferral(tx, id, draft, keyId, sealed);
            return null;
        });
        return id;
    }

    /** A person's referrals for treatment, newest first: medical staff only. */
    public List<MedicalReferral> referrals(Actor actor, String personId) {
        access.require(actor, Permission.MEDICAL_DETAIL_READ, officeOf(personId));
        List<MedicalReferral> found = store.read(dsl -> health.referrals(dsl, personId)).stream().map(s -> {
            MedicalReferral r = s.row();
            return new MedicalReferral(r.id(), r.personId(), r.assessmentId(), r.referredOn(), r.status(),
                    r.facilityId(), openText(HealthRepository.REFERRAL, "details_sealed", r.id(), s.keyId(), s.sealed()));
        }).toList();
        store.auditOnly(actor, AuditEvent.ok("MEDICAL_VIEW", "person", personId));
        return found;
    }

    private void validate(AssessmentDraft d) {
        throwIfAny(errorsOf(d));
    }

    private List<FieldError> errorsOf(AssessmentDraft d) {
        Validator v = new Validator().required("person", d.personId())
                .required("type", d.type() == null ? null : d.type().name())
                .required("assessedOn", d.assessedOn() == null ? null : d.assessedOn().toString())
                .notInFuture("assessedOn", d.assessedOn(), LocalDate.now(clock));
        AssessmentDetails x = d.details();
        if (x == null) {
            v.add(FieldError.of("findings", "validation.required"));
        } else {
            v.required("clinician", x.clinician()).maxLength("clinician", x.clinician(), 200)
                    .maxLength("history", x.history(), LONG_TEXT)
                    .maxLength("examination", x.examination(), LONG_TEXT)
                    .maxLength("diagnoses", x.diagnoses(), LONG_TEXT)
                    .check("diagnosisCode", blankToNull(x.diagnosisCode()), c -> ICD10.matcher(c.strip()).matches(),
                            "medical.error.icd10")
                    .maxLength("vaccinations", x.vaccinations(), LONG_TEXT)
                    .required("findings", x.findings()).maxLength("findings", x.findings(), LONG_TEXT);
            for (TestResult t : x.tests()) {
                v.check("tests", t, r -> r.test() != null && !r.test().isBlank(), "medical.error.testName")
                        .maxLength("tests", t.result(), 500);
            }
        }
        return v.errors();
    }

    private void validate(FitnessDraft d) {
        throwIfAny(errorsOf(d));
    }

    private List<FieldError> errorsOf(FitnessDraft d) {
        Validator v = new Validator().required("person", d.personId())
                .required("decision", d.decision() == null ? null : d.decision().name())
                .required("validFrom", d.validFrom() == null ? null : d.validFrom().toString())
                .maxLength("conditions", d.conditions(), LONG_TEXT);
        EscortLevel escort = d.escort() == null ? EscortLevel.NONE : d.escort();
        if (d.decision() == Fitness.FIT_WITH_ESCORT && escort == EscortLevel.NONE) {
            v.add(FieldError.of("escort", "medical.error.escortNeeded"));
        } else if (d.decision() != null && d.decision() != Fitness.FIT_WITH_ESCORT && escort != EscortLevel.NONE) {
            v.add(FieldError.of("escort", "medical.error.escortOnlyWithEscort"));
        }
        if (d.validFrom() != null && d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
            v.add(FieldError.of("validUntil", "medical.error.validUntil"));
        }
        checkAssessment(v, d.personId(), d.assessmentId());
        return v.errors();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new org.itinera.core.validation.ValidationException(errors);
        }
    }

    private void checkAssessment(Validator v, String personId, String assessmentId) {
        if (assessmentId != null && personId != null) {
            Optional<String> of = store.read(dsl -> health.personOfAssessment(dsl, assessmentId));
            if (of.isEmpty() || !of.get().equals(personId)) {
                v.add(FieldError.of("assessment", "medical.error.assessment"));
            }
        }
    }

    /** Opens a sealed text if this session can: a missing key, another laptop's key or altered bytes give empty. */
    private Optional<String> openText(String table, String column, String rowId, String keyId, byte[] sealed) {
        if (sealed == null || !seal.available()) {
            return Optional.empty();
        }
        try {
            return Optional.of(seal.open(table, column, rowId, keyId, sealed));
        } catch (MedicalKeyMissingException unreadable) {
            return Optional.empty();
        }
    }

    private String toJson(AssessmentDetails d) {
        try {
            return json.writeValueAsString(new AssessmentDetails(strip(d.clinician()), strip(d.history()),
                    strip(d.examination()), d.tests().stream().map(t -> new TestResult(strip(t.test()), strip(t.result())))
                    .toList(), strip(d.diagnoses()), blankToNull(d.diagnosisCode()), strip(d.vaccinations()),
                    strip(d.findings())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment details not serialisable", e);
        }
    }

    private Optional<AssessmentDetails> details(String text) {
        try {
            return Optional.of(json.readValue(text, AssessmentDetails.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String officeOf(String personId) {
        return store.read(dsl -> persons.officeOf(dsl, personId)).orElse(null);
    }
}
