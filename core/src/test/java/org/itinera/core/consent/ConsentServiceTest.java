package org.itinera.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.access.Actor;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.exchange.ExchangeResult;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent on a real encrypted database, and the partner exchange it gates. */
class ConsentServiceTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    Workspace ws;
    Actor caseworker;
    String person;
    String other;
    String partner;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, clock);
        ws.demoData(3).generate(ws.actor(), 2, ProgressSink.NONE);
        caseworker = ws.actor();
        person = person("Fatoumata", "Camara");
        other = person("Ibrahima", "Sow");
        partner = ws.consents().partners().getFirst().id();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private String person(String given, String family) {
        return ws.persons().create(caseworker, new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.year(1995, false), "GIN", null, null, null, ws.currentUser().officeId())).id();
    }

    private Actor dataOfficer() {
        return ws.users().create(ws.actor(), new org.itinera.core.access.NewUser("data.officer", "Data Officer",
                ws.currentUser().officeId(), "en", java.util.Set.of(org.itinera.core.access.RoleGrant.everywhere(
                        org.itinera.core.access.Role.DATA_OFFICER))), "reports every monday and thursday".toCharArray()).asActor();
    }

    @Test
    void aWithdrawnConsentBlocksAnExportThatPassedBefore() {
        Consent c = ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.DATA_SHARING, partner,
                LocalDate.of(2026, 11, 1), ConsentMethod.SIGNED, null, null, LocalDate.of(2028, 11, 1)));
        Actor officer = dataOfficer();
        StringWriter first = new StringWriter();
        ExchangeResult before = ws.exchange().export(officer, partner, List.of(person, other), first);
        assertThat(before.exported()).isEqualTo(1);
        assertThat(first.toString()).contains(person).contains("Fatoumata").doesNotContain("Ibrahima");
        assertThat(before.excluded()).extracting(ExchangeResult.Excluded::personId).containsExactly(other);

        clock.advance(Duration.ofDays(2));
        ws.consents().withdraw(caseworker, c.id(), LocalDate.of(2026, 11, 25), "no longer wishes to share");

        StringWriter second = new StringWriter();
        ExchangeResult after = ws.exchange().export(officer, partner, List.of(person, other), second);
        assertThat(after.exported()).isZero();
        assertThat(second.toString()).doesNotContain("Fatoumata").doesNotContain(person);
        assertThat(after.excluded()).filteredOn(e -> e.personId().equals(person)).singleElement()
                .satisfies(e -> assertThat(e.reason().key()).isEqualTo("consent.refused.withdrawn"));
        assertThatThrownBy(() -> ws.consentPolicy().requireConsent(person, ConsentPurpose.DATA_SHARING, partner))
                .isInstanceOfSatisfying(ConsentRequiredException.class,
                        e -> assertThat(e.userMessage().args()).contains("2026-11-25"));
    }

    @Test
    void aConsentForAnotherPartnerDoesNotCoverThisOne() {
        String second = ws.consents().partners().get(1).id();
        ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.DATA_SHARING, second,
                LocalDate.of(2026, 11, 1), ConsentMethod.SPOKEN, null, null, null));
        assertThat(ws.consentPolicy().decide(person, ConsentPurpose.DATA_SHARING, partner).allowed()).isFalse();
        assertThat(ws.consentPolicy().decide(person, ConsentPurpose.DATA_SHARING, second).allowed()).isTrue();
    }

    @Test
    void theRecordsShowWhereEachStandsTodayAndTheReadIsAudited() {
        Consent old = ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.ASSISTANCE, null,
                LocalDate.of(2025, 1, 10), ConsentMethod.SIGNED, null, null, LocalDate.of(2026, 1, 10)));
        Consent proxy = ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.TRAVEL, null,
                LocalDate.of(2026, 11, 20), ConsentMethod.PROXY, "Mariama Camara", "Mother", null));
        List<PersonConsent> list = ws.consents().ofPerson(caseworker, person);
        assertThat(list).extracting(pc -> pc.consent().id()).containsExactly(proxy.id(), old.id());
        assertThat(list).extracting(PersonConsent::status).containsExactly(ConsentStatus.VALID, ConsentStatus.EXPIRED);
        assertThat(list.getFirst().consent().recordedBy()).contains(ws.currentUser().id());
        assertThat(list.getFirst().consent().proxyName()).contains("Mariama Camara");
        int views = ws.store().read(dsl -> dsl.fetchCount(org.itinera.schema.jooq.Tables.AUDIT_ENTRY,
                org.itinera.schema.jooq.Tables.AUDIT_ENTRY.ACTION.eq("CONSENT_VIEW")));
        assertThat(views).isEqualTo(1);
    }

    @Test
    void incompleteOrContradictoryConsentIsRefusedFieldByField() {
        assertThatThrownBy(() -> ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.DATA_SHARING,
                null, LocalDate.of(2026, 12, 1), ConsentMethod.PROXY, null, null, LocalDate.of(2026, 11, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("partner", "givenOn", "proxyName", "proxyRelationship", "expiresOn"));
        Consent c = ws.consents().record(caseworker, new NewConsent(person, ConsentPurpose.RESEARCH, null,
                LocalDate.of(2026, 11, 10), ConsentMethod.IMPLICIT, null, null, null));
        assertThatThrownBy(() -> ws.consents().withdraw(caseworker, c.id(), LocalDate.of(2026, 11, 9), null))
                .isInstanceOf(ValidationException.class);
        ws.consents().withdraw(caseworker, c.id(), LocalDate.of(2026, 11, 23), null);
        assertThatThrownBy(() -> ws.consents().withdraw(caseworker, c.id(), LocalDate.of(2026, 11, 23), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(fe -> fe.message().key()).contains("consent.error.alreadyWithdrawn"));
    }

    @Test
    void theExportCarriesOnlyTheAgreedFieldsAndDefusesSpreadsheetFormulas() {
        String tricky = person("=HYPERLINK(\"x\")", "O'Neil, Jr");
        ws.consents().record(caseworker, new NewConsent(tricky, ConsentPurpose.DATA_SHARING, partner,
                LocalDate.of(2026, 11, 1), ConsentMethod.SIGNED, null, null, null));
        StringWriter out = new StringWriter();
        ws.exchange().export(dataOfficer(), partner, List.of(tricky), out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("person_id,given_name,family_name,sex,birth_year,nationality");
        assertThat(lines[1]).isEqualTo(tricky + ",\"'=HYPERLINK(\"\"x\"\")\",\"O'Neil, Jr\",F,1995,GIN");
        String detail = ws.store().read(dsl -> dsl.select(org.itinera.schema.jooq.Tables.AUDIT_ENTRY.DETAIL)
                .from(org.itinera.schema.jooq.Tables.AUDIT_ENTRY)
                .where(org.itinera.schema.jooq.Tables.AUDIT_ENTRY.ACTION.eq("EXPORT")).fetchOne(0, String.class));
        assertThat(detail).contains("persons=1").contains(tricky);
    }
}
