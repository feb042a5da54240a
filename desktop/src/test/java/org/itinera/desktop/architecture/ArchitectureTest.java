package org.itinera.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on the production classes of every module:
 * one-way module dependencies, no JavaFX outside desktop, jOOQ only in repositories and the store,
 * one composition root, no static state, no raw threads, no standard streams.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // core's test jar (test support shared with the desktop tests) is test code too, whether the
        // reactor hands it over as a directory (test) or as a jar (verify)
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.itinera");
    }

    @Test
    void schemaDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.itinera.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("org.itinera.core..", "org.itinera.sync..",
                        "org.itinera.desktop..", "org.itinera.installer..")
                .check(classes);
    }

    @Test
    void coreDependsOnlyOnSchema() {
        noClasses().that().resideInAPackage("org.itinera.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.itinera.sync..", "org.itinera.desktop..",
                        "org.itinera.installer..")
                .check(classes);
    }

    @Test
    void syncDoesNotDependOnTheDesktop() {
        noClasses().that().resideInAPackage("org.itinera.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.itinera.desktop..", "org.itinera.installer..")
                .check(classes);
    }

    @Test
    void javaFxOnlyInTheDesktop() {
        noClasses().that().resideOutsideOfPackage("org.itinera.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void jooqOnlyInRepositoriesAndTheStore() {
        ArchRule rule = noClasses().that().resideInAPackage("org.itinera..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().resideOutsideOfPackages("org.itinera.schema..", "org.itinera.core.store..", "org.itinera.core.db..",
                        "org.itinera.core.audit..", "org.itinera.core.demo..", "org.itinera.core.casefile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.itinera.schema.jooq..");
        rule.check(classes);
    }

    @Test
    void jooqRecordsNeverReachServicesOrScreens() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Screen")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.itinera.schema.jooq..")
                .check(classes);
    }

    @Test
    void onlyTheStoreAndMigrationsHoldTheWriteConnection() {
        noClasses().that().resideOutsideOfPackages("org.itinera.core.store..", "org.itinera.core.db..")
                .should().callMethod(org.itinera.core.db.Database.class, "withWriter",
                        org.itinera.core.db.Database.WriterWork.class)
                .check(classes);
    }

    @Test
    void noStandardStreamsOutsideTheEntryPointAndBenchmarks() {
        ArchRule rule = noClasses().that().resideInAPackage("org.itinera..")
                .and().doNotHaveFullyQualifiedName("org.itinera.desktop.Main")
                .and().resideOutsideOfPackage("org.itinera.bench..")
                .should(ACCESS_STANDARD_STREAMS);
        rule.check(classes);
    }

    @Test
    void noThreadsCreatedByHand() {
        noClasses().that().resideInAPackage("org.itinera..")
                .should().callConstructor(Thread.class).orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .check(classes);
    }

    @Test
    void noWrappedJavaFxTextBecauseItBreaksOnArabic() {
        // JavaFX 23-27: wrapped text containing a right-to-left run throws during layout; use WrappedText
        noClasses().that().resideInAPackage("org.itinera..")
                .should().callMethod(javafx.scene.control.Labeled.class, "setWrapText", boolean.class)
                .orShould().callMethod(javafx.scene.text.Text.class, "setWrappingWidth", double.class)
                .orShould().callMethod(javafx.scene.control.TextArea.class, "setWrapText", boolean.class)
                .check(classes);
    }

    @Test
    void noMutableStaticState() {
        ArchRuleDefinition.fields().that().areDeclaredInClassesThat().resideInAPackage("org.itinera..")
                .and().areStatic().and().areNotFinal()
                .should().haveModifier(JavaModifier.FINAL)
                .because("static mutable state is the debt this codebase must not start")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Medical detail reaches only the medical screens; others get the fitness decision alone. */
    @Test
    void onlyTheMedicalScreensSeeTypesMarkedAsMedicalDetail() {
        noClasses().that().resideInAPackage("org.itinera.desktop..")
                .and().resideOutsideOfPackage("org.itinera.desktop.medical..")
                .should().dependOnClassesThat().areAnnotatedWith(org.itinera.core.access.MedicalDetail.class)
                .check(classes);
    }

    @Test
    void servicesAreBuiltOnlyInTheCompositionRoots() {
        noClasses().that().resideOutsideOfPackages("org.itinera.core.workspace..", "org.itinera.desktop")
                .and().haveSimpleNameNotEndingWith("Test")
                .should().callConstructorWhere(DescribedPredicate.describe("a service constructor",
                        (JavaConstructorCall call) -> call.getTargetOwner().getSimpleName().endsWith("Service")
                                && call.getTargetOwner().getPackageName().startsWith("org.itinera")))
                .check(classes);
    }
}
