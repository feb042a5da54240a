package org.itinera.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.testing.AssistanceCases;
import org.itinera.core.testing.MedicalRecords;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.HealthAssessmentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code itinera case show ID}: each role sees the case summary with only the items it may see. */
class CaseCommandTest {
    static final String PASS = "a long passphrase for the case tests";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ItineraCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run show(String user, String caseRef, Path pass) {
        return run("--data-dir", dir.toString(), "--lang", "en", "case", "show", caseRef, "-u", user,
                "--passphrase-file", pass.toString());
    }

    @Test
    void eachRoleSeesTheCaseSummaryWithOnlyWhatItMaySee() throws Exception {
        String caseNo;
        try (Workspace ws = TestInstallations.firstRun(dir, Clock.systemUTC())) {
            String office = ws.currentUser().officeId();
            for (var u : new Object[][] {{"awa", Role.CASEWORKER}, {"omar", Role.MOVEMENT_OFFICER}, {"dr.sall", Role.MEDICAL_OFFICER}}) {
                ws.users().create(ws.actor(), new NewUser((String) u[0], (String) u[0], office, "en",
                        Set.of(RoleGrant.inOffice((Role) u[1], office))), PASS.toCharArray());
            }
            Actor awa = ws.users().activeAccount("awa").orElseThrow().asActor();
            String person = ws.persons().create(awa, new PersonDetails("Mariama", "Diallo", null, null, null, Sex.F,
                    BirthDate.year(1992, false), "GIN", null, null, null, office)).id();
            String caseId = AssistanceCases.openCase(ws, awa, person, office);
            AssistanceCases.plan(ws, awa, caseId);
            MedicalRecords.fitness(ws, person, "FIT_WITH_ESCORT", LocalDate.now(), LocalDate.now().plusDays(30));
            ws.store().write(Actor.system("test"), AuditEvent.ok("MEDICAL_ASSESS", "person", person), tx -> {
                HealthAssessmentRecord r = tx.newRecord(HEALTH_ASSESSMENT);
                r.setId(tx.ids().next());
                r.setPersonId(person);
                r.setAssessmentType("PRE_DEPARTURE");
                r.setAssessedOn(LocalDate.now().toString());
                r.setDetailsSealed("hypertension".getBytes());
                tx.insert(r);
                return null;
            });
            caseNo = ws.store().read(dsl -> dsl.select(CASE_FILE.CASE_NO).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId))
                    .fetchOne(CASE_FILE.CASE_NO));
        }
        Path pass = Files.writeString(dir.resolve("pass.txt"), PASS + "\n");

        Run caseworker = show("awa", caseNo, pass);
        assertThat(caseworker.code()).as(caseworker.err()).isZero();
        assertThat(caseworker.out()).contains("Case " + caseNo).contains("Person: Mariama Diallo")
                .contains("Reintegration plan drafted (XOF)").contains("Fitness to travel: ")
                .doesNotContain("Health assessment").doesNotContain("hypertension");

        Run movement = show("omar", caseNo, pass);
        assertThat(movement.code()).isZero();
        assertThat(movement.out()).contains("Fitness to travel: ").doesNotContain("Reintegration plan")
                .doesNotContain("Health assessment");

        Run medical = show("dr.sall", caseNo, pass);
        assertThat(medical.out()).contains("Health assessment (pre-departure)").doesNotContain("hypertension")
                .doesNotContain("Reintegration plan");

        Run unknown = show("awa", "NO-SUCH-CASE", pass);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No case has this id or number.");
    }
}
