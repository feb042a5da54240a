package org.itinera.sync.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A JSON document and its minisign signature, kept as the exact bytes that were signed (trust
 * bundles, key-rotation statements). Verify before parsing.
 */
public record SignedDocument(byte[] json, String minisig) {
    public SignedDocument {
        json = json.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    public static SignedDocument sign(SigningKey key, byte[] json, String trustedComment) {
        return new SignedDocument(json, Minisign.sign(key, json, trustedComment));
    }

    /** The signature, parsed; empty if it is not a minisign signature. */
    public Optional<Minisign.Signature> signature() {
        return Minisign.parse(minisig.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code key} signed exactly these bytes. */
    public boolean signedBy(VerifyKey key) {
        return signature().map(s -> Minisign.verify(key, json, s)).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedDocument d && Arrays.equals(json, d.json) && minisig.equals(d.minisig);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json) * 31 + minisig.hashCode();
    }

    @Override
    public String toString() {
        return "SignedDocument[" + json.length + " bytes]";
    }
}
