package org.itinera.core.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.Validator;

/**
 * Passphrase rules after NIST SP 800-63B: at least 15 characters for a single factor, at most 256,
 * not a known common or breached password, not built from the username; no composition rules.
 * Two lists ship with the application: long common and breached-style passphrases
 * (passphrase-blocklist.txt) and about 49,000 common passwords from breach corpora
 * (common-passwords.txt, MIT, from zxcvbn-ts). A passphrase is refused when it is on the first
 * list, or when, stripped of leading and trailing digits and symbols ("Password2024!!!!"), it is a
 * common password or one repeated ("dragondragondragon"), or a run of digits in sequence.
 * The lists are read on the first check, not when a workspace opens.
 */
public final class PassphrasePolicy {
    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 256;
    private static final String DIGIT_RUNS = "01234567890123456789" + "98765432109876543210";
    private Set<String> blocklist;
    private Set<String> common;

    public List<FieldError> check(String field, char[] passphrase, String username) {
        String p = new String(passphrase);
        int length = p.codePointCount(0, p.length());
        Validator v = new Validator();
        if (length < MIN_LENGTH) {
            v.add(FieldError.of(field, "passphrase.tooShort", MIN_LENGTH));
        } else if (length > MAX_LENGTH) {
            v.add(FieldError.of(field, "passphrase.tooLong", MAX_LENGTH));
        }
        String lower = p.toLowerCase(Locale.ROOT);
        String squeezed = squeeze(lower);
        if (isCommon(lower, squeezed)) {
            v.add(FieldError.of(field, "passphrase.common"));
        } else if (username != null && !username.isBlank() && squeezed.contains(squeeze(username.toLowerCase(Locale.ROOT)))) {
            v.add(FieldError.of(field, "passphrase.containsUsername"));
        }
        return v.errors();
    }

    private boolean isCommon(String lower, String squeezed) {
        Set<String> long15 = blocklist();
        if (long15.contains(lower) || long15.contains(squeezed) || isRepetitive(squeezed)) {
            return true;
        }
        String base = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        String baseSqueezed = squeeze(base);
        if (baseSqueezed.isEmpty()) {
            // nothing but digits and symbols: refuse runs in sequence (1234567890123…)
            String digits = squeezed.replaceAll("\\D", "");
            return !digits.isEmpty() && DIGIT_RUNS.contains(digits.substring(0, Math.min(digits.length(), 20)));
        }
        Set<String> words = common();
        return words.contains(base) || words.contains(baseSqueezed) || isRepeatOfCommon(baseSqueezed, words);
    }

    private static boolean isRepeatOfCommon(String s, Set<String> words) {
        for (int unit = 4; unit <= s.length() / 2; unit++) {
            if (s.length() % unit == 0 && words.contains(s.substring(0, unit))
                    && s.substring(0, unit).repeat(s.length() / unit).equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String squeeze(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** One character or one short chunk repeated ("aaaaaaaaaaaaaaa", "abcabcabcabcabc"). */
    static boolean isRepetitive(String s) {
        for (int unit = 1; unit <= 4 && unit < s.length(); unit++) {
            String chunk = s.substring(0, unit);
            if (chunk.repeat(s.length() / unit + 1).startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private synchronized Set<String> blocklist() {
        if (blocklist == null) {
            blocklist = load("passphrase-blocklist.txt", true);
        }
        return blocklist;
    }

    private synchronized Set<String> common() {
        if (common == null) {
            common = load("common-passwords.txt", false);
        }
        return common;
    }

    private static Set<String> load(String name, boolean alsoSqueezed) {
        Set<String> out = new HashSet<>();
        try (InputStream in = PassphrasePolicy.class.getResourceAsStream("/org/itinera/core/access/" + name)) {
            if (in == null) {
                throw new IllegalStateException("passphrase list missing from the build: " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                    if (alsoSqueezed) {
                        out.add(squeeze(t));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
