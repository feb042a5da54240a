package org.itinera.sync.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.itinera.core.store.ContextJson;
import org.itinera.core.store.Dot;

/**
 * The causal context of a change in local node numbers, as stored in {@code change_log.context}:
 * {@code {"v":{node:prefix},"d":[[node,counter],…]}}: every change of each node up to its prefix,
 * plus the listed dots.
 */
record Context(Map<Integer, Long> vector, Set<Dot> dots) {
    static final Context EMPTY = new Context(Map.of(), Set.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean covers(Dot d) {
        return d.counter() <= vector.getOrDefault(d.node(), 0L) || dots.contains(d);
    }

    static Context parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            JsonNode n = JSON.readTree(json);
            Map<Integer, Long> v = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("v").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                v.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
            }
            Set<Dot> d = new HashSet<>();
            for (JsonNode x : n.path("d")) {
                d.add(new Dot(x.get(0).asInt(), x.get(1).asLong()));
            }
            return new Context(v, d);
        } catch (IOException | RuntimeException e) {
            return EMPTY;
        }
    }

    String toJson() {
        return ContextJson.write(vector, dots);
    }
}
