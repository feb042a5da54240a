package org.itinera.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes the JSON of a change's columns and of its causal context, compactly and without reflection. */
final class ChangePayload {
    private final JsonFactory factory = new JsonFactory();

    String columns(List<String> names, List<Object> values) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                g.writeFieldName(names.get(i));
                writeValue(g, values.get(i));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {"v":{node:prefix,…},"d":[[node,counter],…]}: a version vector plus dots beyond it. */
    String context(Map<Integer, Long> vector, List<Dot> extra) {
        return ContextJson.write(vector, extra);
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case byte[] bytes -> g.writeString(Base64.getEncoder().encodeToString(bytes));
            default -> g.writeString(v.toString());
        }
    }
}
