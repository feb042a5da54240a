package org.itinera.core.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The signed envelope of a reset token: {@code {"format", "body": base64(token JSON), "signature":
 * base64(Ed25519 over the body bytes)}}. The body is parsed only after its signature verifies, so
 * nothing unsigned is ever interpreted; parsing is strict (unknown or duplicate fields, oversize).
 */
public final class ResetTokens {
    public static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                            .maxStringLength(MAX_BYTES).maxNumberLength(20).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ResetTokens() {
    }

    record Envelope(@JsonProperty("format") String format, @JsonProperty("body") String body,
                    @JsonProperty("signature") String signature) {
    }

    /** Signs a token (the hub's side; also used by tests with a test hub key). */
    public static byte[] sign(ResetToken token, PrivateKey hubSigningKey) {
        try {
            byte[] body = JSON.writeValueAsBytes(token);
            byte[] sig = RecoveryCrypto.sign(hubSigningKey, body);
            return JSON.writeValueAsBytes(new Envelope(ResetToken.FORMAT, Base64.getEncoder().encodeToString(body),
                    Base64.getEncoder().encodeToString(sig)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies the hub's signature, then parses the body. Throws {@link RecoveryException} otherwise. */
    public static ResetToken verify(byte[] envelope, PublicKey hubSigningKey) {
        if (envelope.length > MAX_BYTES) {
            throw new RecoveryException(RecoveryException.Reason.MALFORMED);
        }
        Envelope e;
        byte[] body;
        byte[] sig;
        try {
            e = JSON.readValue(envelope, Envelope.class);
            if (!ResetToken.FORMAT.equals(e.format()) || e.body() == null || e.signature() == null) {
                throw new RecoveryException(RecoveryException.Reason.MALFORMED);
            }
            body = Base64.getDecoder().decode(e.body());
            sig = Base64.getDecoder().decode(e.signature());
        } catch (IOException | IllegalArgumentException bad) {
            throw new RecoveryException(RecoveryException.Reason.MALFORMED);
        }
        if (!RecoveryCrypto.verify(hubSigningKey, body, sig)) {
            throw new RecoveryException(RecoveryException.Reason.BAD_SIGNATURE);
        }
        try {
            ResetToken t = JSON.readValue(body, ResetToken.class);
            if (!ResetToken.FORMAT.equals(t.format()) || t.tokenId() == null || t.node() == null || t.username() == null
                    || t.secretId() == null || t.issuedAt() == null || t.expiresAt() == null || t.codeSalt() == null
                    || t.sealedSecret() == null) {
                throw new RecoveryException(RecoveryException.Reason.MALFORMED);
            }
            t.issued();
            t.expires();
            return t;
        } catch (IOException | java.time.format.DateTimeParseException bad) {
            throw new RecoveryException(RecoveryException.Reason.MALFORMED);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
