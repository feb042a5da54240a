package org.itinera.sync.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One change as it travels in {@code changes.ndjson} (docs/sync-format.md §12):
 * <pre>
 * {"dot":["&lt;origin node uuid&gt;",17],"tbl":"person","id":"&lt;row uuid&gt;","op":"UPDATE","hlc":123,
 *  "user":"&lt;user id&gt;"|null,"tx":"&lt;transaction id&gt;",
 *  "ctx":{"v":{"&lt;node uuid&gt;":12},"d":[["&lt;node uuid&gt;",15]]},
 *  "cols":{"given_name":"Awa","deleted":false,"content":{"att":"&lt;sha256&gt;"}}}
 * </pre>
 * Node ids are UUIDs (never the local {@code node_no}); booleans are JSON booleans; blobs are base64
 * strings, or {@code {"att": sha256}} when they travel as a package attachment.
 */
public record ChangeLine(String origin, long counter, String table, String rowId, String op, long hlc, String user,
                         String tx, Map<String, Long> contextVector, List<RemoteDot> contextDots, ObjectNode columns) {
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern OP = Pattern.compile("INSERT|UPDATE|DELETE");
    private static final JsonFactory FACTORY = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

    /** A dot with the node's UUID. */
    public record RemoteDot(String node, long counter) {
    }

    /** Compact UTF-8 JSON, one line, keys in a fixed order. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("dot");
            g.writeString(origin);
            g.writeNumber(counter);
            g.writeEndArray();
            g.writeStringField("tbl", table);
            g.writeStringField("id", rowId);
            g.writeStringField("op", op);
            g.writeNumberField("hlc", hlc);
            g.writeStringField("user", user);
            g.writeStringField("tx", tx);
            g.writeObjectFieldStart("ctx");
            g.writeObjectFieldStart("v");
            for (Map.Entry<String, Long> e : contextVector.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("d");
            for (RemoteDot d : contextDots) {
                g.writeStartArray();
                g.writeString(d.node());
                g.writeNumber(d.counter());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeFieldName("cols");
            g.writeTree(columns);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a line parsed by the package's strict mapper; empty when its shape is wrong. */
    public static Optional<ChangeLine> of(JsonNode n) {
        try {
            if (!n.isObject() || n.size() != 9) {
                return Optional.empty();
            }
            JsonNode dot = n.get("dot");
            JsonNode ctx = n.get("ctx");
            JsonNode cols = n.get("cols");
            if (dot == null || !dot.isArray() || dot.size() != 2 || !isUuid(dot.get(0)) || !dot.get(1).canConvertToLong()
                    || dot.get(1).asLong() < 1 || !text(n, "tbl", NAME) || !text(n, "id", null) || !text(n, "tx", null)
                    || !text(n, "op", OP) || !n.path("hlc").isIntegralNumber()
                    || !(n.path("user").isNull() || n.path("user").isTextual()) || ctx == null || !ctx.isObject()
                    || ctx.size() != 2 || !ctx.path("v").isObject() || !ctx.path("d").isArray() || cols == null
                    || !cols.isObject()) {
                return Optional.empty();
            }
            Map<String, Long> v = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ctx.get("v").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!UUID.matcher(e.getKey()).matches() || !e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                    return Optional.empty();
                }
                v.put(e.getKey(), e.getValue().asLong());
            }
            List<RemoteDot> d = new ArrayList<>();
            for (JsonNode x : ctx.get("d")) {
                if (!x.isArray() || x.size() != 2 || !isUuid(x.get(0)) || !x.get(1).isIntegralNumber()) {
                    return Optional.empty();
                }
                d.add(new RemoteDot(x.get(0).asText(), x.get(1).asLong()));
            }
            for (Iterator<String> it = cols.fieldNames(); it.hasNext(); ) {
                if (!NAME.matcher(it.next()).matches()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new ChangeLine(dot.get(0).asText(), dot.get(1).asLong(), n.get("tbl").asText(),
                    n.get("id").asText(), n.get("op").asText(), n.get("hlc").asLong(),
                    n.get("user").isNull() ? null : n.get("user").asText(), n.get("tx").asText(), v, d, (ObjectNode) cols));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isUuid(JsonNode n) {
        return n != null && n.isTextual() && UUID.matcher(n.asText()).matches();
    }

    private static boolean text(JsonNode parent, String field, Pattern p) {
        JsonNode n = parent.get(field);
        return n != null && n.isTextual() && !n.asText().isEmpty() && n.asText().length() <= 200
                && (p == null || p.matcher(n.asText()).matches());
    }
}
