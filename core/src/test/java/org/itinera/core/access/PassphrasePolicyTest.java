package org.itinera.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.itinera.core.validation.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST-style passphrase rules: length, and no common or breached password dressed up. */
class PassphrasePolicyTest {
    final PassphrasePolicy policy = new PassphrasePolicy();

    private List<String> problems(String passphrase) {
        return policy.check("p", passphrase.toCharArray(), "awa.diop").stream().map(FieldError::message)
                .map(m -> m.key()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordpassword", "Password2024!!!!", "!!!sunshine123456789", "dragondragondragon",
        "123456789012345", "iloveyou12345678", "qwertyuiopasdfgh", "Monkey-1234567890", "987654321098765"})
    void commonPasswordsDressedUpAreRefused(String p) {
        assertThat(problems(p)).containsExactly("passphrase.common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct staple of field laptops", "mangoes ripen slowly in kayes", "2025 trip to ziguinchor",
        "sept chèvres sous le baobab", "قهوة الصباح في نواكشوط"})
    void longUncommonPassphrasesPass(String p) {
        assertThat(problems(p)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "fourteen chars"})
    void lengthComesFirst(String p) {
        assertThat(problems(p)).contains("passphrase.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"awa.diop is my long passphrase", "AWADIOP forever and always"})
    void theUsernameMayNotBePartOfIt(String p) {
        assertThat(problems(p)).containsExactly("passphrase.containsUsername");
    }
}
