package org.itinera.sync.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The only way sync parses JSON that came from outside (manifests, trust bundles, change lines):
 * duplicate keys rejected, trailing tokens rejected, no coercions, and hard limits on nesting,
 * number length, string length, names and document size (StreamReadConstraints). A hostile
 * document fails fast with a {@code JsonProcessingException} instead of exhausting memory or CPU.
 */
public final class SyncJson {
    /** Nesting depth: manifests are 4 deep, change lines a little more. */
    public static final int MAX_DEPTH = 32;
    /** Longest number literal: 20 digits hold any 64-bit counter. */
    public static final int MAX_NUMBER_LENGTH = 24;
    public static final int MAX_NAME_LENGTH = 256;

    private SyncJson() {
    }

    /** A strict mapper for documents of at most {@code maxDocumentBytes} with strings of at most {@code maxStringLength}. */
    public static ObjectMapper strict(long maxDocumentBytes, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(maxDocumentBytes)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .build();
    }

    /** For change lines: one line is at most {@code maxLineBytes}. */
    public static ObjectMapper forChangeLines(int maxLineBytes) {
        return strict(maxLineBytes, maxLineBytes);
    }
}
