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
 */
public final class PassphrasePolicy {
    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 256;
    private final Set<String> blocklist;

    public PassphrasePolicy() {
        this.blocklist = load();
    }

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
        String squeezed = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        if (blocklist.contains(lower) || blocklist.contains(squeezed) || isRepetitive(squeezed)) {
            v.add(FieldError.of(field, "passphrase.common"));
        } else if (username != null && !username.isBlank()
                && squeezed.contains(username.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""))) {
            v.add(FieldError.of(field, "passphrase.containsUsername"));
        }
        return v.errors();
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

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PassphrasePolicy.class.getResourceAsStream("/org/itinera/core/access/passphrase-blocklist.txt")) {
            if (in == null) {
                throw new IllegalStateException("passphrase blocklist missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                    out.add(t.replaceAll("[^\\p{L}\\p{N}]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
