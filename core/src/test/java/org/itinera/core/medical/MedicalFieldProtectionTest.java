package org.itinera.core.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;
import static org.itinera.schema.jooq.Tables.MEDICAL_REFERRAL;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.keys.Keyring;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Medical detail is sealed with the medical key (docs/decisions/0009): a medical officer records
 * and reads it back; a movement officer sees "fit with escort" and nothing else, through the
 * services and in the database file opened with the main key.
 */
class MedicalFieldProtectionTest {
    static final String FINDINGS = "Suspected pulmonary tuberculosis, sputum pending";
    static final String HISTORY = "Persistent cough for six weeks";
    static final String CONDITIONS = "Oxygen on board, seat near the lavatory";
    static final String REASON = "Refer to Fann hospital chest clinic";
    static final String MEDIC = "nurse.sow";
    static final String MEDIC_PASS = "a long medical officer passphrase";
    static final String OFFICER = "moussa.keita";
    static final String OFFICER_PASS = "a long movement officer passphrase";

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    record Setup(String personId) {
    }

    /** First run as admin: a medical officer, a movement officer, a person of the office. */
    Setup setUp() {
        try (Workspace admin = TestInstallations.firstRun(dir, clock)) {
            String office = admin.currentUser().officeId();
            admin.users().create(admin.actor(), new NewUser(MEDIC, "Awa Sow", office, "en",
                    Set.of(RoleGrant.everywhere(Role.MEDICAL_OFFICER))), MEDIC_PASS.toCharArray());
            admin.users().create(admin.actor(), new NewUser(OFFICER, "Moussa Keïta", office, "en",
                    Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), OFFICER_PASS.toCharArray());
            String person = admin.persons().create(admin.actor(), new PersonDetails("Alpha", "Diallo", null, null, null,
                    Sex.M, BirthDate.year(1982, false), "GIN", null, null, null, office)).id();
            return new Setup(person);
        }
    }

    Installation installation() {
        return TestInstallations.installation(dir, clock);
    }

    AssessmentDetails details() {
        return new AssessmentDetails("Dr Awa Sow", HISTORY, "Crackles at the right apex",
                List.of(new TestResult("Chest X-ray", "right upper lobe opacity")), "Pulmonary tuberculosis", "A15.0",
                "Yellow fever 2024", FINDINGS);
    }

    /** The medical officer records an assessment, a decision "fit with a nurse" with conditions, and a referral. */
    String recordAsMedic(String person) {
        try (Workspace ws = installation().signIn(MEDIC, MEDIC_PASS.toCharArray())) {
            Actor medic = ws.actor();
            assertThat(ws.health().canOpenMedicalDetail(medic)).isTrue();
            String assessment = ws.health().recordAssessment(medic, new AssessmentDraft(person, AssessmentType.PRE_DEPARTURE,
                    LocalDate.of(2026, 11, 22), details()));
            ws.health().recordFitness(medic, new FitnessDraft(person, assessment, Fitness.FIT_WITH_ESCORT, EscortLevel.NURSE,
                    LocalDate.of(2026, 11, 22), LocalDate.of(2026, 12, 5), CONDITIONS));
            ws.health().refer(medic, new ReferralDraft(person, assessment, LocalDate.of(2026, 11, 22), null, REASON));
            return assessment;
        }
    }

    @Test
    void aMedicalOfficerReadsBackWhatTheyRecorded() {
        Setup s = setUp();
        String assessment = recordAsMedic(s.personId());
        try (Workspace ws = installation().signIn(MEDIC, MEDIC_PASS.toCharArray())) {
            List<HealthAssessment> found = ws.health().assessments(ws.actor(), s.personId());
            assertThat(found).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(assessment);
                assertThat(a.details()).contains(details());
            });
            assertThat(ws.health().decisions(ws.actor(), s.personId())).singleElement()
                    .satisfies(d -> assertThat(d.conditions()).contains(CONDITIONS));
            assertThat(ws.health().referrals(ws.actor(), s.personId())).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains(REASON));
        }
    }

    @Test
    void aMovementOfficerSeesFitWithEscortAndNoneOfTheFindings() {
        Setup s = setUp();
        recordAsMedic(s.personId());
        try (Workspace ws = installation().signIn(OFFICER, OFFICER_PASS.toCharArray())) {
            Actor officer = ws.actor();
            assertThat(ws.health().fitness(officer, s.personId())).contains(new FitnessStatus(s.personId(),
                    Fitness.FIT_WITH_ESCORT, Optional.of("NURSE"), LocalDate.of(2026, 11, 22),
                    Optional.of(LocalDate.of(2026, 12, 5))));
            assertThat(ws.health().canOpenMedicalDetail(officer)).isFalse();
            assertThatThrownBy(() -> ws.health().assessments(officer, s.personId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ws.health().decisions(officer, s.personId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ws.health().referrals(officer, s.personId())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theDatabaseOpenedWithTheMainKeyHoldsNoneOfTheMedicalDetail() throws Exception {
        Setup s = setUp();
        recordAsMedic(s.personId());
        DataDirectory data = new DataDirectory(dir);
        // the movement officer's passphrase opens the main (database) key, and only that
        Keyring keyring = new Keyring(data.keyring(), clock, new java.security.SecureRandom());
        Keyring.Unlocked unlocked = keyring.unlockAll(OFFICER, OFFICER_PASS.toCharArray());
        assertThat(unlocked.medicalKey()).isEmpty();
        try (DatabaseKey key = unlocked.key(); Database db = Database.open(data.database(), key)) {
            // the sealed columns hold ciphertext, with the id of the medical key
            byte[] details = db.read(dsl -> dsl.select(HEALTH_ASSESSMENT.DETAILS_SEALED).from(HEALTH_ASSESSMENT)
                    .fetchOne(HEALTH_ASSESSMENT.DETAILS_SEALED));
            assertThat(details).isNotNull().hasSizeGreaterThan(FINDINGS.length());
            assertThat(new String(details, StandardCharsets.ISO_8859_1)).doesNotContain(FINDINGS).doesNotContain("tuberculosis")
                    .doesNotContain(HISTORY).doesNotContain("A15.0");
            String keyId = db.read(dsl -> dsl.select(HEALTH_ASSESSMENT.MEDICAL_KEY_ID).from(HEALTH_ASSESSMENT)
                    .fetchOne(HEALTH_ASSESSMENT.MEDICAL_KEY_ID));
            assertThat(keyId).startsWith("med-");
            byte[] conditions = db.read(dsl -> dsl.select(FITNESS_DECISION.CONDITIONS_SEALED).from(FITNESS_DECISION)
                    .fetchOne(FITNESS_DECISION.CONDITIONS_SEALED));
            assertThat(new String(conditions, StandardCharsets.ISO_8859_1)).doesNotContain("Oxygen");
            String decision = db.read(dsl -> dsl.select(FITNESS_DECISION.DECISION).from(FITNESS_DECISION)
                    .fetchOne(FITNESS_DECISION.DECISION));
            assertThat(decision).isEqualTo("FIT_WITH_ESCORT");
            byte[] reason = db.read(dsl -> dsl.select(MEDICAL_REFERRAL.DETAILS_SEALED).from(MEDICAL_REFERRAL)
                    .fetchOne(MEDICAL_REFERRAL.DETAILS_SEALED));
            assertThat(new String(reason, StandardCharsets.ISO_8859_1)).doesNotContain("Fann");
            // and no other table (change log, audit trail, search index…) holds a copy in the clear
            List<String> leaks = db.read(dsl -> {
                List<String> out = new ArrayList<>();
                for (Table<?> t : dsl.meta().getTables()) {
                    for (Record r : dsl.selectFrom(t).fetch()) {
                        for (Object v : r.intoArray()) {
                            String text = v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
                            for (String secret : List.of(FINDINGS, HISTORY, CONDITIONS, REASON, "Crackles", "opacity",
                                    "Yellow fever")) {
                                if (text.contains(secret)) {
                                    out.add(t.getName() + ": " + secret);
                                }
                            }
                        }
                    }
                }
                return out;
            });
            assertThat(leaks).isEmpty();
        }
        // nor is the plaintext anywhere in the files of the data directory
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(FINDINGS).doesNotContain(CONDITIONS);
            }
        }
    }

    @Test
    void theAuditTrailRecordsTheChecksWithoutTheDecisionOrAnyDetail() {
        Setup s = setUp();
        recordAsMedic(s.personId());
        try (Workspace ws = installation().signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            // auditors and administrators read the trail but may not see fitness decisions
            List<org.jooq.Record2<String, String>> entries = ws.store().read(dsl -> dsl.select(
                    org.itinera.schema.jooq.Tables.AUDIT_ENTRY.ACTION, org.itinera.schema.jooq.Tables.AUDIT_ENTRY.DETAIL)
                    .from(org.itinera.schema.jooq.Tables.AUDIT_ENTRY)
                    .where(org.itinera.schema.jooq.Tables.AUDIT_ENTRY.ACTION.in("MEDICAL_ASSESSMENT_RECORD", "FITNESS_DECIDE",
                            "MEDICAL_REFERRAL")).fetch());
            assertThat(entries).extracting(org.jooq.Record2::value1)
                    .containsExactlyInAnyOrder("MEDICAL_ASSESSMENT_RECORD", "FITNESS_DECIDE", "MEDICAL_REFERRAL");
            assertThat(entries).extracting(org.jooq.Record2::value2).containsOnlyNulls();
        }
    }

    @Test
    void aSecondMedicalOfficerGetsTheKeyWhenAColleagueSignsInAndLosesItWithTheRole() {
        Setup s = setUp();
        recordAsMedic(s.personId());
        String secondId;
        try (Workspace admin = installation().signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            // the administrator's session does not hold the medical key: the new account waits for it
            assertThat(admin.health().canOpenMedicalDetail(Actor.system("check"))).isFalse();
            secondId = admin.users().create(admin.actor(), new NewUser("dr.ba", "Ousmane Ba", admin.currentUser().officeId(),
                    "en", Set.of(RoleGrant.everywhere(Role.MEDICAL_OFFICER))), "another long medical passphrase".toCharArray()).id();
        }
        try (Workspace early = installation().signIn("dr.ba", "another long medical passphrase".toCharArray())) {
            assertThat(early.health().canOpenMedicalDetail(early.actor())).isFalse();
            assertThat(early.health().assessments(early.actor(), s.personId())).singleElement()
                    .satisfies(a -> assertThat(a.details()).isEmpty());
            assertThatThrownBy(() -> early.health().recordAssessment(early.actor(), new AssessmentDraft(s.personId(),
                    AssessmentType.FOLLOW_UP, LocalDate.of(2026, 11, 23), details())))
                    .isInstanceOf(MedicalKeyMissingException.class);
        }
        installation().signIn(MEDIC, MEDIC_PASS.toCharArray()).close();
        try (Workspace later = installation().signIn("dr.ba", "another long medical passphrase".toCharArray())) {
            assertThat(later.health().assessments(later.actor(), s.personId())).singleElement()
                    .satisfies(a -> assertThat(a.details()).contains(details()));
        }
        try (Workspace admin = installation().signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray())) {
            admin.users().setGrants(admin.actor(), secondId, Set.of(RoleGrant.everywhere(Role.CASEWORKER)));
        }
        Keyring keyring = new Keyring(new DataDirectory(dir).keyring(), clock, new java.security.SecureRandom());
        assertThat(keyring.hasMedicalGrant("dr.ba")).isFalse();
        assertThat(keyring.hasMedicalGrant(MEDIC)).isTrue();
    }

    @Test
    void anAssessmentWithoutFindingsOrWithABadCodeIsRefusedFieldByField() {
        Setup s = setUp();
        try (Workspace ws = installation().signIn(MEDIC, MEDIC_PASS.toCharArray())) {
            AssessmentDetails bad = new AssessmentDetails("", null, null, List.of(), null, "tuberculosis", null, " ");
            assertThatThrownBy(() -> ws.health().recordAssessment(ws.actor(), new AssessmentDraft(s.personId(),
                    AssessmentType.PRE_DEPARTURE, LocalDate.of(2026, 11, 30), bad)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactlyInAnyOrder("assessedOn", "clinician", "diagnosisCode", "findings"));
            assertThatThrownBy(() -> ws.health().recordFitness(ws.actor(), new FitnessDraft(s.personId(), null,
                    Fitness.FIT_WITH_ESCORT, EscortLevel.NONE, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 20), null)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactlyInAnyOrder("escort", "validUntil"));
            assertThat(ws.health().assessments(ws.actor(), s.personId())).isEmpty();
            assertThat(ws.health().fitness(ws.actor(), s.personId())).isEmpty();
        }
    }
}
