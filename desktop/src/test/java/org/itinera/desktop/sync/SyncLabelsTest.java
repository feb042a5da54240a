package org.itinera.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.cli.ItineraCommand;
import org.itinera.desktop.i18n.Messages;
import org.itinera.sync.exchange.ConflictService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A reviewer reads a conflict in words: whose record, which kind of record and which field
 * ("Awa Diallo — personal details: sex"), the values as the rest of the application shows them
 * ("Other", not "X"), in the conflict review and in {@code itinera sync conflicts}, in English,
 * French and Arabic (Latin names isolated inside the Arabic sentence).
 */
class SyncLabelsTest {
    static final String FSI = "\u2068";
    static final String PDI = "\u2069";

    @TempDir
    Path tmp;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final Messages en = new Messages(Locale.ENGLISH);
    final Messages fr = new Messages(Locale.FRENCH);
    final Messages ar = new Messages(Locale.forLanguageTag("ar"));

    /** Two conflicts on Awa Diallo's record: her given name and her sex, changed on both machines. */
    @BeforeEach
    void twoMachinesEditTheSameRecord() {
        try (SyncPair pair = new SyncPair(tmp.resolve("here"), tmp.resolve("other"))) {
            Person awa = SyncPair.person(pair.here, "Awa", "Diallo");
            pair.hereToOther(tmp.resolve("s1"));
            edit(pair.here, awa.id(), "Awa Marie", Sex.X);
            edit(pair.other, awa.id(), "Aoua", Sex.U);
            ImportViewModel importer = new ImportViewModel(pair.hereSync.imports(), pair.here.actor(), executor, en);
            importer.add(pair.otherToHere(tmp.resolve("s2")));
            importer.importAll();
        }
    }

    static void edit(Workspace ws, String id, String given, Sex sex) {
        PersonDetails d = ws.persons().open(ws.actor(), id).orElseThrow().details();
        ws.persons().update(ws.actor(), new Person(id, new PersonDetails(given, d.familyName(), d.middleName(),
                d.givenNameOrig(), d.familyNameOrig(), sex, d.birthDate(), d.nationality(), d.placeOfBirth(),
                d.primaryLanguage(), d.phone(), d.officeId())));
    }

    /** The open conflicts of "here" through the review's ViewModel in {@code language}. */
    ConflictsViewModel review(Messages m) {
        Workspace here = TestInstallations.installation(tmp.resolve("here"), java.time.Clock.systemUTC())
                .signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray());
        closeLater.add(here);
        var sync = org.itinera.desktop.SyncComponents.of(here, new org.itinera.core.db.DataDirectory(tmp.resolve("here")));
        ConflictsViewModel vm = new ConflictsViewModel(sync.conflicts(), here.actor(), executor, m);
        vm.load();
        return vm;
    }

    final List<Workspace> closeLater = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() {
        closeLater.forEach(Workspace::close);
    }

    ConflictService.Conflict on(ConflictsViewModel vm, String column) {
        return vm.open().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
    }

    @Test
    void theReviewNamesTheFieldInWordsAndShowsCodesByTheirLabel() {
        ConflictsViewModel vm = review(en);
        assertThat(vm.open()).hasSize(2);
        ConflictService.Conflict sex = on(vm, "sex");
        assertThat(vm.title(on(vm, "given_name"))).matches("(Awa Marie|Aoua) Diallo — personal details: given name");
        assertThat(vm.title(sex)).matches("(Awa Marie|Aoua) Diallo — personal details: sex");
        assertThat(sex.versions()).extracting(v -> vm.describe(sex, v))
                .anySatisfy(s -> assertThat(s).startsWith("“Other”, written on "))
                .anySatisfy(s -> assertThat(s).startsWith("“Unknown”, written on Laptop B at "))
                .noneSatisfy(s -> assertThat(s).contains("“X”"));
        int unknown = sex.versions().stream().map(ConflictService.Version::text).toList().indexOf("U");
        vm.selected().set(sex);
        vm.keep(unknown);
        assertThat(vm.status().get()).isEqualTo("Kept “Unknown”.");
        assertThat(vm.open()).singleElement().extracting(ConflictService.Conflict::column).isEqualTo("given_name");
    }

    @Test
    void inFrenchTheFieldAndTheValueAreFrench() {
        ConflictsViewModel vm = review(fr);
        ConflictService.Conflict sex = on(vm, "sex");
        assertThat(vm.title(sex)).matches("(Awa Marie|Aoua) Diallo — identité : sexe");
        assertThat(sex.versions()).extracting(v -> vm.describe(sex, v))
                .anySatisfy(s -> assertThat(s).startsWith("« Autre », écrit sur "))
                .anySatisfy(s -> assertThat(s).startsWith("« Inconnu », écrit sur Laptop B le "));
    }

    @Test
    void inArabicLatinNamesAndMachinesAreIsolatedInsideTheSentence() {
        ConflictsViewModel vm = review(ar);
        ConflictService.Conflict given = on(vm, "given_name");
        assertThat(vm.title(given)).matches(FSI + "(Awa Marie|Aoua) Diallo" + PDI + " — البيانات الشخصية: الاسم الأول");
        assertThat(given.versions()).extracting(v -> vm.describe(given, v))
                .anySatisfy(s -> assertThat(s).startsWith("«" + FSI + "Aoua" + PDI + "»، كُتبت على " + FSI + "Laptop B" + PDI
                        + " في " + FSI))
                .anySatisfy(s -> assertThat(s).startsWith("«" + FSI + "Awa Marie" + PDI + "»"));
        // Arabic labels need no isolate; English text never gets one
        assertThat(new SyncLabels(ar).value("person", "sex", "F")).isEqualTo(FSI + "أنثى" + PDI);
        assertThat(vm.title(given)).doesNotContain(FSI + "البيانات");
        assertThat(new SyncLabels(en).isolate("Laptop B")).isEqualTo("Laptop B");
    }

    @Test
    void theCommandLineListsConflictsInTheSameWords() throws Exception {
        Path pass = Files.writeString(tmp.resolve("pass"), TestInstallations.PASSPHRASE + "\n");
        String frOut = cli("fr", pass);
        assertThat(frOut).containsPattern("Conflit \\S+ : (Awa Marie|Aoua) Diallo, identité \\S+, champ « sexe »")
                .containsPattern("Conflit \\S+ : (Awa Marie|Aoua) Diallo, identité \\S+, champ « prénom »")
                .contains("  « Autre » de ", "  « Inconnu » de Laptop B le ", "  « Aoua » de Laptop B le ")
                .doesNotContain("given_name", "« X »");
        String enOut = cli("en", pass);
        assertThat(enOut).contains("personal details").contains(", field “sex”").contains("  “Other” from ");
        String arOut = cli("ar", pass);
        assertThat(arOut).contains("الحقل «الجنس»").contains("«" + FSI + "آخر" + PDI + "» من ");
    }

    String cli(String language, Path pass) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ItineraCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--data-dir", tmp.resolve("here").toString(), "--lang", language, "sync", "conflicts",
                "--user", TestInstallations.ADMIN, "--passphrase-file", pass.toString());
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void valuesShowAsTheRestOfTheApplicationShowsThem() {
        SyncLabels l = new SyncLabels(en);
        assertThat(l.value("vulnerability_screening", "pregnant", "true")).isEqualTo("yes");
        assertThat(l.value("person", "deleted", "false")).isEqualTo("no");
        assertThat(l.value("fitness_decision", "decision", "FIT_WITH_ESCORT")).isEqualTo(en.label(
                org.itinera.core.medical.Fitness.FIT_WITH_ESCORT));
        assertThat(l.value("movement", "status", "NOT_A_STATUS")).isEqualTo("NOT_A_STATUS");
        assertThat(l.value("health_assessment", "details_sealed", "c2VhbGVk")).isEqualTo("(sealed medical details)");
        assertThat(l.value("person", "middle_name", "")).isEqualTo("(no value)");
        assertThat(l.value("fitness_decision", "decided_at", "2026-12-04T18:44:07.123Z")).isEqualTo("2026-12-04 18:44 UTC");
        assertThat(l.value("person", "birth_date", "1991-05-06")).isEqualTo("1991-05-06");
        assertThat(l.field("place_of_birth")).isEqualTo("place of birth");
        assertThat(new SyncLabels(fr).field("place_of_birth")).isEqualTo("lieu de naissance");
        assertThat(new SyncLabels(ar).field("place_of_birth")).isEqualTo("مكان الولادة");
        assertThat(l.field("column_of_a_newer_schema")).isEqualTo("column of a newer schema");
    }
}
