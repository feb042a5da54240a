package org.itinera.sync.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.crypto.VerifyKey;

/**
 * "Node N's key OLD hands over to NEW": signed by the old key, carried in the device's packages
 * (entry trust/rotation.json) until a trust bundle lists the new key.
 */
public record KeyRotation(String format, String nodeId, String oldKeyId, String newKeyId, String newSignKey,
                          String newAgeRecipient, String newFingerprint, String rotatedAt) {
    public static final String FORMAT = "itinera-key-rotation/1";
    private static final ObjectMapper JSON = SyncJson.strict(64 * 1024, 4096);

    static Optional<KeyRotation> parse(byte[] json) {
        try {
            KeyRotation r = JSON.readValue(json, KeyRotation.class);
            return r.wellFormed() ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean wellFormed() {
        if (!FORMAT.equals(format) || nodeId == null || oldKeyId == null || newKeyId == null || newSignKey == null
                || newAgeRecipient == null || newFingerprint == null || rotatedAt == null) {
            return false;
        }
        Optional<VerifyKey> key = VerifyKey.fromMinisignBase64(newSignKey);
        Optional<AgeRecipient> age = AgeRecipient.tryOf(newAgeRecipient);
        return key.isPresent() && age.isPresent() && key.get().keyIdHex().equals(newKeyId)
                && Fingerprint.ofDevice(key.get(), age.get()).value().equals(newFingerprint);
    }
}
