package org.itinera.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Permission;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging duplicates in a real encrypted installation: what the registry, files and audit trail show. */
class PersonMergeServiceTest {
    @TempDir
    Path dir;
    Workspace ws;
    Actor system = Actor.system("merge-test");
    String dakar;
    String bamako;
    Actor dataOfficer;
    Actor caseworker;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, MutableClock.at("2026-11-23T10:00:00Z"));
        dakar = ws.currentUser().officeId();
        bamako = ws.offices().create(system, "BKO", "Bamako", "MLI").id();
        dataOfficer = user("ibrahim", RoleGrant.inOffice(Role.DATA_OFFICER, dakar));
        caseworker = user("awa", RoleGrant.inOffice(Role.CASEWORKER, dakar));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Actor user(String name, RoleGrant grant) {
        return ws.users().create(ws.actor(), new NewUser(name, name, dakar, "en", Set.of(grant)),
                TestInstallations.PASSPHRASE.toCharArray()).asActor();
    }

    private String person(String given, String family, String office) {
        return ws.persons().create(system, new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.year(1990, true), "SEN", null, null, null, office)).id();
    }

    private List<String> search(String q) {
        return ws.persons().search(system, q, 50).hits().stream().map(PersonSummary::id).toList();
    }

    private String openedId(String id) {
        return ws.persons().open(system, id).orElseThrow().id();
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::message).map(m -> m.key()).findFirst().orElseThrow();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aMergedDuplicateLeavesTheRegistryOpensOnTheSurvivorAndComesBackWhenUnmerged() {
        String survivor = person("Aminata", "Touré", dakar);
        String duplicate = person("Aminata", "Toure", dakar);
        ws.cases().open(system, new CaseDraft(CaseType.AVRR, duplicate, null, dakar, "MLI", null));
        int before = ws.persons().count(system);
        assertThat(search("toure")).containsExactlyInAnyOrder(survivor, duplicate);
        long changes = changeCount();

        ws.merges().merge(dataOfficer, duplicate, survivor, "same passport number");

        assertThat(search("toure")).containsExactly(survivor);
        assertThat(ws.persons().count(system)).isEqualTo(before - 1);
        assertThat(openedId(duplicate)).isEqualTo(survivor);
        assertThat(ws.merges().mergedInto(system, duplicate)).contains(survivor);
        assertThat(ws.merges().mergedInto(system, survivor)).isEmpty();
        assertThat(ws.merges().mergedRecords(system, survivor)).singleElement().satisfies(r -> {
            assertThat(r.person().id()).isEqualTo(duplicate);
            assertThat(r.mergedInto()).isEqualTo(survivor);
        });
        // the duplicate's case is on the survivor's file, still the duplicate's record
        assertThat(ws.cases().ofPerson(system, survivor)).singleElement()
                .satisfies(c -> assertThat(c.personId()).isEqualTo(duplicate));
        assertThat(ws.timeline().ofPerson(system, survivor)).anySatisfy(i -> assertThat(i.personId()).isEqualTo(duplicate));
        // one synced change of one column, and an audit entry with the reason
        assertThat(changeCount()).isEqualTo(changes + 1);
        String payload = ws.store().read(dsl -> dsl.fetchValue(
                "SELECT payload FROM change_log WHERE row_id = ? AND op = 'UPDATE'", duplicate)).toString();
        assertThat(payload)
                .contains("merged_into").contains(survivor).doesNotContain("given_name");
        String detail = ws.store().read(dsl -> dsl.select(AUDIT_ENTRY.DETAIL).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ACTION.eq("PERSON_MERGE").and(AUDIT_ENTRY.ENTITY_ID.eq(duplicate))).fetchOne(0, String.class));
        assertThat(detail)
                .contains("same passport number");

        ws.merges().unmerge(dataOfficer, duplicate);

        assertThat(search("toure")).containsExactlyInAnyOrder(survivor, duplicate);
        assertThat(ws.persons().count(system)).isEqualTo(before);
        assertThat(openedId(duplicate)).isEqualTo(duplicate);
        assertThat(ws.merges().mergedRecords(system, survivor)).isEmpty();
        assertThat(ws.cases().ofPerson(system, survivor)).isEmpty();
        assertThat(ws.timeline().ofPerson(system, survivor)).noneSatisfy(i -> assertThat(i.personId()).isEqualTo(duplicate));
        assertThat(ws.cases().ofPerson(system, duplicate)).hasSize(1);
    }

    @Test
    void refusesSelfDeletedUnknownAlreadyMergedCyclesAndABlankReason() {
        String a = person("Awa", "Diop", dakar);
        String b = person("Awa", "Diop", dakar);
        String c = person("Awa", "Diop", dakar);
        String gone = person("Awa", "Diop", dakar);
        ws.store().write(system, AuditEvent.ok("PERSON_DELETE", "person", gone), tx -> new PersonRepository().delete(tx, gone));

        assertThat(refusal(() -> ws.merges().merge(dataOfficer, a, a, "x"))).isEqualTo("merge.error.self");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, a, gone, "x"))).isEqualTo("merge.error.survivorGone");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, a, "no-such-id", "x"))).isEqualTo("merge.error.survivorGone");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, gone, a, "x"))).isEqualTo("merge.error.unknownPerson");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, a, b, " "))).isEqualTo("validation.required");
        assertThat(refusal(() -> ws.merges().unmerge(dataOfficer, a))).isEqualTo("merge.error.notMerged");

        ws.merges().merge(dataOfficer, a, b, "same person");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, a, c, "x"))).isEqualTo("merge.error.alreadyMerged");
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, b, a, "x"))).isEqualTo("merge.error.cycle");
        ws.merges().merge(dataOfficer, b, c, "same person");
        // a → b → c: c into a would close a cycle
        assertThat(refusal(() -> ws.merges().merge(dataOfficer, c, a, "x"))).isEqualTo("merge.error.cycle");
        assertThat(openedId(a)).isEqualTo(c);
        assertThat(ws.merges().mergedRecords(system, c)).extracting(r -> r.person().id()).containsExactlyInAnyOrder(a, b);

        // choosing a merged person as survivor links to the end of its chain
        String d = person("Awa", "Diop", dakar);
        ws.merges().merge(dataOfficer, d, a, "same person");
        java.util.Optional<String> link = ws.store().read(dsl -> new PersonRepository().mergeLink(dsl, d));
        assertThat(link).contains(c);
    }

    @Test
    void onlyTheMergeRightOverBothOfficesMayMerge() {
        String a = person("Moussa", "Keita", dakar);
        String b = person("Moussa", "Keita", dakar);
        String inBamako = person("Moussa", "Keita", bamako);
        assertThatThrownBy(() -> ws.merges().merge(caseworker, a, b, "same"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.permission()).isEqualTo(Permission.PERSON_MERGE));
        assertThatThrownBy(() -> ws.merges().merge(dataOfficer, inBamako, a, "same"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ws.merges().merge(dataOfficer, a, inBamako, "same"))
                .isInstanceOf(AccessDeniedException.class);
        ws.merges().merge(system, inBamako, a, "same");
        // the Dakar data officer sees only Dakar's records merged into a Dakar person, and may not undo Bamako's
        assertThat(ws.merges().mergedRecords(dataOfficer, a)).isEmpty();
        assertThatThrownBy(() -> ws.merges().unmerge(dataOfficer, inBamako)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ws.merges().unmerge(caseworker, inBamako)).isInstanceOf(AccessDeniedException.class);
        assertThat(ws.persons().search(caseworker, "keita", 10).hits()).extracting(PersonSummary::id).containsExactly(a, b)
                .doesNotContain(inBamako);
        assertThat(new org.itinera.core.access.PermissionTable().rolesWith(Permission.PERSON_MERGE))
                .containsExactlyInAnyOrder(Role.DATA_OFFICER, Role.MISSION_ADMIN);
    }

    @Test
    void chainsEndAtTheLastPersonAndACycleAtItsSmallestIdFromWhereverItIsEntered() {
        Map<String, String> links = new HashMap<>(Map.of("c", "a", "a", "b", "b", "a", "e", "d"));
        for (String start : List.of("a", "b", "c")) {
            assertThat(PersonRepository.survivorOf(start, links::get)).as(start).isEqualTo("a");
        }
        assertThat(PersonRepository.survivorOf("e", links::get)).isEqualTo("d");
        links.put("z", "y");
        links.put("y", "x");
        links.put("x", "z");
        assertThat(List.of("x", "y", "z")).allSatisfy(s -> assertThat(PersonRepository.survivorOf(s, links::get)).isEqualTo("x"));
    }

    @Test
    void aCycleArrivingBySyncLeavesExactlyItsSmallestIdInTheRegistryAndUnmergingOneMemberBreaksIt() {
        String p = person("Fatou", "Sow", dakar);
        String q = person("Fatou", "Sow", dakar);
        String first = p.compareTo(q) < 0 ? p : q;
        String second = first.equals(p) ? q : p;
        // as two laptops' concurrent merges arrive by sync: second → first, then first → second (no service checks)
        PersonRepository repo = new PersonRepository();
        ws.store().write(system, AuditEvent.ok("T", "person", second), tx -> repo.setMergeLink(tx, second, first));
        ws.store().write(system, AuditEvent.ok("T", "person", first), tx -> repo.setMergeLink(tx, first, second));

        assertThat(openedId(p)).isEqualTo(first);
        assertThat(openedId(q)).isEqualTo(first);
        assertThat(search("fatou sow")).containsExactly(first);
        assertThat(ws.merges().mergedRecords(system, first)).extracting(r -> r.person().id()).containsExactly(second);
        assertThat(ws.merges().mergedInto(system, second)).contains(first);

        // the other order of arrival gives the same registry
        ws.merges().unmerge(system, first);
        assertThat(search("fatou sow")).containsExactly(first);
        ws.merges().unmerge(system, second);
        assertThat(search("fatou sow")).containsExactlyInAnyOrder(first, second);
        ws.store().write(system, AuditEvent.ok("T", "person", first), tx -> repo.setMergeLink(tx, first, second));
        assertThat(search("fatou sow")).containsExactly(second);
        ws.store().write(system, AuditEvent.ok("T", "person", second), tx -> repo.setMergeLink(tx, second, first));
        assertThat(search("fatou sow")).containsExactly(first);
        assertThat(openedId(second)).isEqualTo(first);
    }

    private long changeCount() {
        return ws.store().read(dsl -> (long) dsl.fetchCount(dsl.selectOne().from("change_log")));
    }
}
