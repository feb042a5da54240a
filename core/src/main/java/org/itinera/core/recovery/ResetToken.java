package org.itinera.core.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A hub-signed, time-limited permission to set a new passphrase for one account on one laptop
 * (format {@value #FORMAT}, docs/decisions/0008). It carries the laptop's recovery secret sealed
 * under a key derived (Argon2id) from a one-time reset code that the hub gives the person through
 * another channel, so the token alone opens nothing.
 */
public record ResetToken(@JsonProperty("format") String format,
                         @JsonProperty("token_id") String tokenId,
                         @JsonProperty("node") String node,
                         @JsonProperty("username") String username,
                         @JsonProperty("secret_id") String secretId,
                         @JsonProperty("issued_at") String issuedAt,
                         @JsonProperty("expires_at") String expiresAt,
                         @JsonProperty("code_salt") String codeSalt,
                         @JsonProperty("m") int memoryKiB,
                         @JsonProperty("t") int iterations,
                         @JsonProperty("p") int parallelism,
                         @JsonProperty("sealed_secret") String sealedSecret) {
    public static final String FORMAT = "itinera-reset-token/1";

    public Instant issued() {
        return Instant.parse(issuedAt);
    }

    public Instant expires() {
        return Instant.parse(expiresAt);
    }

    /** What the recovery secret is bound to, so it cannot be moved into another token. */
    byte[] aad() {
        return (FORMAT + "|" + tokenId + "|" + node + "|" + username + "|" + secretId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
