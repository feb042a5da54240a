package org.itinera.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key exists in English, French and Arabic; every key is used by the code; every key the code
 * uses exists. Keys built from an enumeration ("enum.Role." + name) count as used when the code
 * uses the prefix or the enumeration is labelled through Messages.label.
 */
class MessagesCompletenessTest {
    static final List<String> SUFFIXES = List.of("", "_fr", "_ar");
    static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)*\\.?)\"");

    @Test
    void everyKeyIsTranslatedIntoEveryLanguageAndNoBundleHasStrayKeys() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            Set<String> english = load(bundle, "").keySet();
            assertThat(english).as(bundle).isNotEmpty();
            for (String suffix : List.of("_fr", "_ar")) {
                assertThat(load(bundle, suffix).keySet()).as(bundle + suffix).containsExactlyInAnyOrderElementsOf(english);
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String bundle : Messages.BUNDLES) {
            for (String key : load(bundle, "").keySet()) {
                String previous = owner.put(key, bundle);
                if (previous != null) {
                    duplicates.add(key + " in " + previous + " and " + bundle);
                }
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void noTranslationIsEmptyOrUsesAStraightApostropheThatMessageFormatWouldSwallow() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            for (String suffix : SUFFIXES) {
                load(bundle, suffix).forEach((k, v) -> {
                    assertThat(v).as(bundle + suffix + ":" + k).isNotBlank();
                    assertThat(v).as(bundle + suffix + ":" + k).doesNotContain("'");
                });
            }
        }
    }

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        Set<String> defined = new HashSet<>();
        for (String bundle : Messages.BUNDLES) {
            defined.addAll(load(bundle, "").keySet());
        }
        String sources = allSources();
        Set<String> used = new HashSet<>();
        Matcher m = LITERAL.matcher(sources);
        while (m.find()) {
            used.add(m.group(1));
        }
        List<String> unused = new ArrayList<>();
        for (String key : defined) {
            if (used.contains(key) || usedAsPrefix(key, used) || labelledEnum(key, sources)) {
                continue;
            }
            unused.add(key);
        }
        assertThat(unused).as("keys no code uses").isEmpty();
        List<String> missing = used.stream()
                .filter(k -> looksLikeMessageKey(k, defined) && !k.endsWith(".") && !defined.contains(k))
                .sorted().toList();
        assertThat(missing).as("keys the code uses that no bundle defines").isEmpty();
    }

    /** "placeholder." + area, "enum.Permission." + name … */
    private static boolean usedAsPrefix(String key, Set<String> used) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && used.contains(key.substring(0, dot + 1));
    }

    /** enum.Type.CONSTANT where Type is labelled through Messages.label somewhere. */
    private static boolean labelledEnum(String key, String sources) {
        String[] parts = key.split("\\.");
        return parts.length == 3 && parts[0].equals("enum") && sources.contains("enum " + parts[1])
                && sources.contains("label(") && sources.contains(parts[2]);
    }

    /** Only strings whose first segment is one of the bundles' key families are checked. */
    private static boolean looksLikeMessageKey(String literal, Set<String> defined) {
        if (!literal.contains(".")) {
            return false;
        }
        String family = literal.substring(0, literal.indexOf('.') + 1);
        return defined.stream().anyMatch(k -> k.startsWith(family)) && !literal.contains("/")
                && !literal.matches(".*\\.(java|css|properties|json|csv|db|xml|txt|pdf|tsv|png|log|minisig|itp|age|ndjson|zip|deb|sig)$") && !literal.contains(".json.");
    }

    private static String allSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        StringBuilder sb = new StringBuilder();
        for (String module : List.of("core", "sync", "desktop")) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    sb.append(Files.readString(f)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static Map<String, String> load(String bundle, String suffix) throws IOException {
        String name = "/org/itinera/desktop/i18n/" + bundle + suffix + ".properties";
        try (InputStream in = MessagesCompletenessTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new HashMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        }
    }
}
