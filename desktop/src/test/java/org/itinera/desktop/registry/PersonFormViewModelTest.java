package org.itinera.desktop.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.itinera.core.casefile.Person;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person form's ViewModel, without a toolkit, on a real encrypted database. */
class PersonFormViewModelTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    PersonFormViewModel form() {
        return new PersonFormViewModel(ws, new CurrentThreadTaskExecutor(), Messages.forLanguage("en"), Optional.empty());
    }

    @Test
    void errorsFromTheServiceLandNextToTheirFieldsAndNothingTypedIsLost() {
        PersonFormViewModel vm = form();
        vm.givenName().set("Aminata");
        vm.givenNameOrig().set("أمينة");
        AtomicReference<Person> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isNull();
        assertThat(vm.errors()).containsEntry("familyName", "Required.");
        assertThat(vm.summary().get()).isEqualTo("Please correct the field marked in red; nothing has been saved yet.");
        assertThat(vm.givenName().get()).isEqualTo("Aminata");
        assertThat(vm.givenNameOrig().get()).isEqualTo("أمينة");
    }

    @Test
    void anImpossibleDateIsCaughtBeforeSavingAndAYearAloneIsAcceptedAsAYear() {
        PersonFormViewModel vm = form();
        vm.givenName().set("Aminata");
        vm.familyName().set("Touré");
        vm.birthDate().set("31/02/1990");
        vm.save(p -> { });
        assertThat(vm.errors()).containsKey("birthDate");
        vm.birthDate().set("1990");
        AtomicReference<Person> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(vm.errors()).isEmpty();
        assertThat(saved.get().details().birthDate().display()).isEqualTo("1990");
        assertThat(ws.persons().search(ws.actor(), "toure", 10).hits()).hasSize(1);
    }
}
