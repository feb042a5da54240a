package org.itinera.desktop.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.task.CurrentThreadTaskExecutor;
import org.itinera.core.testing.TestInstallations;
import org.itinera.desktop.AppConfig;
import org.itinera.desktop.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in ViewModel without any JavaFX toolkit. */
class SignInViewModelTest {
    @TempDir
    Path dir;

    AppContext context(String language) {
        return new AppContext(new AppConfig(dir, false, 0, Argon2Parameters.FAST_FOR_TESTS, language),
                Clock.systemUTC(), new CurrentThreadTaskExecutor());
    }

    @Test
    void aWrongPassphraseSaysSoInTheUsersLanguageAndClearsOnlyThePassphrase() {
        TestInstallations.firstRun(dir, Clock.systemUTC()).close();
        try (AppContext ctx = context("fr")) {
            boolean[] signedIn = {false};
            SignInViewModel vm = new SignInViewModel(ctx, () -> signedIn[0] = true);
            vm.username().set("admin");
            vm.passphrase().set("not the passphrase at all");
            vm.signIn();
            assertThat(signedIn[0]).isFalse();
            assertThat(vm.error().get()).startsWith("Nom d’utilisateur ou phrase secrète incorrect");
            assertThat(vm.username().get()).isEqualTo("admin");
            assertThat(vm.passphrase().get()).isEmpty();
            assertThat(vm.busy().get()).isFalse();

            vm.passphrase().set(TestInstallations.PASSPHRASE);
            vm.signIn();
            assertThat(signedIn[0]).isTrue();
            assertThat(ctx.workspace().currentUser().username()).isEqualTo("admin");
        }
    }

    @Test
    void emptyFieldsAreRefusedWithoutTryingTheKey() {
        TestInstallations.firstRun(dir, Clock.systemUTC()).close();
        try (AppContext ctx = context("en")) {
            SignInViewModel vm = new SignInViewModel(ctx, () -> { });
            vm.signIn();
            assertThat(vm.error().get()).isEqualTo("Enter your username and passphrase.");
            assertThat(ctx.signedIn()).isFalse();
        }
    }
}
