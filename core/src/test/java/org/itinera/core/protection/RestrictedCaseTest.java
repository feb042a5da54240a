package org.itinera.core.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;
import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screening that finds a victim of trafficking restricts the case: from then on only the
 * caseworker who owns it and those it is shared with see it; other caseworkers with the same
 * rights over the office do not, in case lists or in protection records.
 */
class RestrictedCaseTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    Workspace ws;
    Actor owner;
    Actor colleague;
    String person;
    String caseId;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, clock);
        String office = ws.currentUser().officeId();
        owner = ws.users().create(ws.actor(), new NewUser("binta.camara", "Binta Camara", office, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), "a long caseworker passphrase".toCharArray()).asActor();
        colleague = ws.users().create(ws.actor(), new NewUser("fatou.ndiaye", "Fatou Ndiaye", office, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), "another caseworker passphrase".toCharArray()).asActor();
        person = ws.persons().create(owner, new PersonDetails("Blessing", "Okafor", null, null, null, Sex.F,
                BirthDate.year(2001, true), "NGA", null, null, null, office)).id();
        String caseNo = ws.cases().open(owner, new CaseDraft(CaseType.PROTECTION, person, null, office, "NGA", null));
        caseId = ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo))
                .fetchOne(CASE_FILE.ID));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    ScreeningDraft traffickingVictim(boolean restrict) {
        return new ScreeningDraft(person, caseId, LocalDate.of(2026, 11, 22), Set.of(Vulnerability.TRAFFICKING_VICTIM,
                Vulnerability.GBV_SURVIVOR), null, RiskLevel.HIGH, "Shelter placement; no contact with the recruiter",
                "Referred by the police", restrict);
    }

    @Test
    void aRestrictedCaseIsHiddenFromACaseworkerWithoutTheGrant() {
        assertThat(ws.cases().ofPerson(colleague, person)).extracting(CaseSummary::id).containsExactly(caseId);
        ws.protection().screen(owner, traffickingVictim(true));

        assertThat(ws.cases().ofPerson(owner, person)).extracting(CaseSummary::id).containsExactly(caseId);
        assertThat(ws.protection().screenings(owner, person)).singleElement().satisfies(s -> {
            assertThat(s.needs()).containsExactlyInAnyOrder(Vulnerability.TRAFFICKING_VICTIM, Vulnerability.GBV_SURVIVOR);
            assertThat(s.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(s.restricted()).isTrue();
        });

        assertThat(ws.cases().ofPerson(colleague, person)).isEmpty();
        assertThat(ws.cases().page(colleague, 0, 100)).extracting(CaseSummary::id).doesNotContain(caseId);
        assertThat(ws.cases().count(colleague)).isEqualTo(ws.cases().count(owner) - 1);
        assertThat(ws.protection().screenings(colleague, person)).isEmpty();
        int denied = denials();
        assertThatThrownBy(() -> ws.protection().share(colleague, caseId, colleague.userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(denials()).isEqualTo(denied + 1);

        ws.protection().share(owner, caseId, colleague.userId());
        assertThat(ws.cases().ofPerson(colleague, person)).extracting(CaseSummary::id).containsExactly(caseId);
        assertThat(ws.protection().screenings(colleague, person)).hasSize(1);
        assertThat(ws.protection().sharedWith(owner, caseId)).containsExactly(colleague.userId());

        ws.protection().unshare(owner, caseId, colleague.userId());
        assertThat(ws.cases().ofPerson(colleague, person)).isEmpty();

        ws.protection().restrict(owner, caseId, false);
        assertThat(ws.cases().ofPerson(colleague, person)).extracting(CaseSummary::id).containsExactly(caseId);
    }

    @Test
    void aHighRiskNeedsASafetyPlanAndBestInterestStepsFollowTheCase() {
        ScreeningDraft noPlan = new ScreeningDraft(person, caseId, LocalDate.of(2026, 11, 22),
                Set.of(Vulnerability.UNACCOMPANIED_CHILD), null, RiskLevel.CRITICAL, " ", null, false);
        assertThatThrownBy(() -> ws.protection().screen(owner, noPlan)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("safetyPlan"));
        ws.protection().recordBestInterestStep(owner, person, caseId, BestInterestStepType.ASSESSMENT,
                LocalDate.of(2026, 11, 20), "Wishes to rejoin her mother");
        ws.protection().recordBestInterestStep(owner, person, caseId, BestInterestStepType.FAMILY_TRACING,
                LocalDate.of(2026, 11, 21), "Mother found in Benin City");
        assertThat(ws.protection().bestInterestSteps(colleague, person)).extracting(BestInterestStep::step)
                .containsExactly(BestInterestStepType.ASSESSMENT, BestInterestStepType.FAMILY_TRACING);
        ws.protection().restrict(owner, caseId, true);
        assertThat(ws.protection().bestInterestSteps(colleague, person)).isEmpty();
        assertThat(ws.protection().bestInterestSteps(owner, person)).hasSize(2);
    }

    private int denials() {
        return ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("ACCESS_DENIED")));
    }
}
