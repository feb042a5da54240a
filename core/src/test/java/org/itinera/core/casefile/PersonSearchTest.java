package org.itinera.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonSearchTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, MutableClock.at("2026-11-23T10:00:00Z"));
        add("Mohamed", "Traoré", "محمد", "تراوري");
        add("Aïssatou", "Diallo", null, null);
        add("Fatoumata", "Ba", "فاطمة", "باه");
        add("Khalid", "Bensalem", "خالد", "بن سالم");
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private void add(String given, String family, String givenAr, String familyAr) {
        ws.persons().create(ws.actor(), new PersonDetails(given, family, null, givenAr, familyAr, Sex.M,
                BirthDate.year(1990, true), "SEN", null, null, null, ws.currentUser().officeId()));
    }

    private List<String> find(String q) {
        return ws.persons().search(ws.actor(), q, 50).hits().stream().map(PersonSummary::latinName).toList();
    }

    @Test
    void findsByPartOfALatinNameIgnoringCaseAndAccents() {
        assertThat(find("traore")).containsExactly("Mohamed Traoré");
        assertThat(find("AISSA")).containsExactly("Aïssatou Diallo");
        assertThat(find("ssatou dia")).containsExactly("Aïssatou Diallo");
    }

    @Test
    void findsByArabicScriptWhateverTheAlefOrTehMarbutaForm() {
        assertThat(find("محمد")).containsExactly("Mohamed Traoré");
        // written with a plain heh instead of teh marbuta, as often typed
        assertThat(find("فاطمه")).containsExactly("Fatoumata Ba");
        assertThat(find("سالم")).containsExactly("Khalid Bensalem");
    }

    @Test
    void shortQueriesMatchTheBeginningOfTheFamilyName() {
        assertThat(find("ba")).containsExactly("Fatoumata Ba");
        assertThat(find("B")).containsExactlyInAnyOrder("Fatoumata Ba", "Khalid Bensalem");
    }

    @Test
    void aNewPersonIsFoundAndAnEditedNameIsFoundUnderItsNewSpelling() {
        Person p = ws.persons().create(ws.actor(), new PersonDetails("Ousmane", "Keïta", null, null, null, Sex.M,
                BirthDate.exact(LocalDate.of(1988, 4, 2)), "MLI", null, null, null, null));
        assertThat(find("keita")).containsExactly("Ousmane Keïta");
        PersonDetails d = p.details();
        ws.persons().update(ws.actor(), new Person(p.id(), new PersonDetails("Usman", d.familyName(), null, null, null,
                d.sex(), d.birthDate(), d.nationality(), null, null, null, null)));
        assertThat(find("ousmane")).isEmpty();
        assertThat(find("usman kei")).containsExactly("Usman Keïta");
    }
}
