package org.itinera.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The demo name pools (names.tsv): given and family names by naming tradition, with spelling variants. */
final class NamePools {
    enum Group { SAHEL, COAST, ARAB, HORN }

    enum Kind { M, F, S }

    /** A name: its usual Latin spelling, its variants, and its original-script form (may be empty). */
    record Name(List<String> latin, String original) {
        String usual() {
            return latin.getFirst();
        }
    }

    private final Map<Group, Map<Kind, List<Name>>> pools = new EnumMap<>(Group.class);

    NamePools() {
        for (Group g : Group.values()) {
            Map<Kind, List<Name>> byKind = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                byKind.put(k, new ArrayList<>());
            }
            pools.put(g, byKind);
        }
        try (InputStream in = NamePools.class.getResourceAsStream("/org/itinera/core/demo/names.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                Name n = new Name(List.of(c[2].split("\\|")), c.length > 3 ? c[3] : "");
                pools.get(Group.valueOf(c[1])).get(Kind.valueOf(c[0])).add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Name> of(Group g, Kind k) {
        return pools.get(g).get(k);
    }
}
