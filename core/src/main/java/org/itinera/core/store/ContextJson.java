package org.itinera.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * The one writer of a change's causal context, {@code {"v":{node:prefix,…},"d":[[node,counter],…]}}
 * (a version vector plus dots beyond it): change capture writes it and the sync importer rewrites
 * it, so both must produce the same text.
 */
public final class ContextJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ContextJson() {
    }

    public static String write(Map<Integer, Long> vector, Collection<Dot> dots) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("v");
            for (Map.Entry<Integer, Long> e : vector.entrySet()) {
                g.writeNumberField(Integer.toString(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("d");
            for (Dot d : dots) {
                g.writeStartArray();
                g.writeNumber(d.node());
                g.writeNumber(d.counter());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
