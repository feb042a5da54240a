package org.itinera.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.keys.SignInException;
import org.itinera.core.organisation.Office;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts: passphrase changes re-wrap the key; administrators stay within their scope; the last one stays. */
class UserAdministrationTest {
    static final String PASS = "seven rivers under one bridge";
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    Workspace ws;
    String dakar;
    String bamako;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, clock);
        ws.demoData(1).ensureOffices(ws.actor());
        dakar = ws.offices().all().stream().filter(o -> o.code().equals("DKR")).map(Office::id).findFirst().orElseThrow();
        bamako = ws.offices().all().stream().filter(o -> o.code().equals("BKO")).map(Office::id).findFirst().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private UserAccount create(String username, RoleGrant... grants) {
        return ws.users().create(ws.actor(), new NewUser(username, username, dakar, "en", Set.of(grants)), PASS.toCharArray());
    }

    @Test
    void anOfficeCodeIsTheSameOfficeOnEveryLaptopAndCannotBeAddedTwice() {
        // the id comes from the code: a laptop set up elsewhere with office "dkr" creates the same record
        assertThat(dakar).isEqualTo(Office.idFor("DKR")).isEqualTo(Office.idFor(" dkr ")).isNotEqualTo(bamako);
        int before = ws.offices().all().size();
        assertThatThrownBy(() -> ws.offices().create(ws.actor(), "dkr", "Dakar again", "SEN"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, fe -> fe.message().key())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("code", "validation.officeCodeTaken")));
        assertThat(ws.offices().all()).hasSize(before);
    }

    @Test
    void changingOnesPassphraseRewrapsTheKeySoOnlyTheNewOneSignsIn() {
        UserAccount awa = create("awa", RoleGrant.everywhere(Role.CASEWORKER));
        assertThatThrownBy(() -> ws.users().changeOwnPassphrase(awa.asActor(), "not my passphrase".toCharArray(),
                "the new one, long enough".toCharArray())).isInstanceOf(SignInException.class);
        ws.users().changeOwnPassphrase(awa.asActor(), PASS.toCharArray(), "the new one, long enough".toCharArray());
        Installation inst = TestInstallations.installation(dir, clock);
        assertThatThrownBy(() -> inst.signIn("awa", PASS.toCharArray())).isInstanceOf(SignInException.class);
        inst.signIn("awa", "the new one, long enough".toCharArray()).close();
    }

    @Test
    void aNewPassphraseFollowsTheSamePolicy() {
        UserAccount awa = create("awa", RoleGrant.everywhere(Role.CASEWORKER));
        assertThatThrownBy(() -> ws.users().changeOwnPassphrase(awa.asActor(), PASS.toCharArray(),
                "passwordpassword".toCharArray()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(fe -> fe.message().key()).containsExactly("passphrase.common"));
    }

    @Test
    void anOfficeAdministratorCannotHandOutAWiderScopeThanTheirOwn() {
        Actor dakarAdmin = create("dakar.admin", RoleGrant.inOffice(Role.MISSION_ADMIN, dakar)).asActor();
        ws.users().create(dakarAdmin, new NewUser("local", "Local", dakar, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, dakar))), PASS.toCharArray());
        assertThatThrownBy(() -> ws.users().create(dakarAdmin, new NewUser("wide", "Wide", dakar, "en",
                Set.of(RoleGrant.everywhere(Role.CASEWORKER))), PASS.toCharArray())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ws.users().create(dakarAdmin, new NewUser("elsewhere", "Elsewhere", dakar, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, bamako))), PASS.toCharArray())).isInstanceOf(AccessDeniedException.class);
        Actor senegalAdmin = create("sen.admin", RoleGrant.inCountry(Role.MISSION_ADMIN, "SEN")).asActor();
        ws.users().create(senegalAdmin, new NewUser("sen.worker", "Worker", dakar, "en",
                Set.of(RoleGrant.inCountry(Role.CASEWORKER, "SEN"))), PASS.toCharArray());
        assertThatThrownBy(() -> ws.users().create(senegalAdmin, new NewUser("mli.worker", "Worker", dakar, "en",
                Set.of(RoleGrant.inCountry(Role.CASEWORKER, "MLI"))), PASS.toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLastMissionAdministratorCanBeNeitherDisabledNorDemoted() {
        String admin = ws.currentUser().id();
        UserAccount other = create("second.admin", RoleGrant.everywhere(Role.MISSION_ADMIN));
        assertThatThrownBy(() -> ws.users().disable(ws.actor(), admin))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(fe -> fe.message().key()).containsExactly("account.error.disableSelf"));
        ws.users().setGrants(other.asActor(), admin, Set.of(RoleGrant.everywhere(Role.CASEWORKER)));
        assertThatThrownBy(() -> ws.users().setGrants(other.asActor(), other.id(), Set.of(RoleGrant.everywhere(Role.AUDITOR))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("roles"));
    }

    @Test
    void countryGrantsCoverEveryOfficeOfThatCountryAndListsFollowThem() {
        ws.demoData(5).generate(ws.actor(), 60, ProgressSink.NONE);
        Actor niger = create("niger.worker", RoleGrant.inCountry(Role.CASEWORKER, "NER")).asActor();
        Set<String> nigerOffices = Set.copyOf(ws.offices().all().stream().filter(o -> o.country().equals("NER"))
                .map(Office::id).toList());
        assertThat(nigerOffices).hasSize(2);
        assertThat(ws.persons().page(niger, 0, 1000)).isNotEmpty()
                .allSatisfy(p -> assertThat(nigerOffices).contains(p.officeId()));
        assertThat(ws.cases().page(niger, 0, 1000)).isNotEmpty()
                .allSatisfy(c -> assertThat(nigerOffices).contains(c.officeId()));
        assertThat(ws.persons().count(niger)).isLessThan(ws.persons().count(ws.actor()));
    }

    @Test
    void anOfficeScopedRegistryListsExactlyItsOfficesPersonsInNameOrderAndFollowsAMove() {
        ws.demoData(6).generate(ws.actor(), 80, ProgressSink.NONE);
        Actor niger = create("niger.worker", RoleGrant.inCountry(Role.CASEWORKER, "NER")).asActor();
        Set<String> nigerOffices = Set.copyOf(ws.offices().all().stream().filter(o -> o.country().equals("NER"))
                .map(Office::id).toList());
        List<PersonSummary> everyone = ws.persons().page(ws.actor(), 0, 10_000);
        List<String> expected = everyone.stream().filter(p -> nigerOffices.contains(p.officeId()))
                .map(PersonSummary::id).toList();
        assertThat(expected).hasSizeGreaterThan(4);

        List<PersonSummary> firstTwo = ws.persons().page(niger, 0, 2);
        List<PersonSummary> rest = ws.persons().pageAfter(niger, firstTwo.getLast(), 10_000);
        assertThat(java.util.stream.Stream.concat(firstTwo.stream(), rest.stream()).map(PersonSummary::id).toList())
                .isEqualTo(expected);
        assertThat(ws.persons().count(niger)).isEqualTo(expected.size());

        // a person moved to an office outside Niger leaves the Niger list at once
        String moved = expected.getFirst();
        String elsewhere = ws.offices().all().stream().filter(o -> !o.country().equals("NER")).findFirst()
                .orElseThrow().id();
        Person p = ws.persons().open(ws.actor(), moved).orElseThrow();
        PersonDetails d = p.details();
        ws.persons().update(ws.actor(), new Person(moved, new PersonDetails(d.givenName(), d.familyName(),
                d.middleName(), d.givenNameOrig(), d.familyNameOrig(), d.sex(), d.birthDate(), d.nationality(),
                d.placeOfBirth(), d.primaryLanguage(), d.phone(), elsewhere)));
        assertThat(ws.persons().page(niger, 0, 10_000)).extracting(PersonSummary::id)
                .isEqualTo(expected.subList(1, expected.size()));
    }
}
