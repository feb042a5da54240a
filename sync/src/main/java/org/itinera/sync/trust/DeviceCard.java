package org.itinera.sync.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.crypto.VerifyKey;

/**
 * A device's public keys and identity, as a small JSON file carried to the administrator for
 * enrolment. Not signed: the administrator types the fingerprint shown on the device's screen, and
 * enrolment refuses a card whose keys do not hash to it.
 */
public record DeviceCard(String format, String nodeId, String name, NodeKind kind, String keyId, String signKey,
                         String ageRecipient, String fingerprint) {
    public static final String FORMAT = "itinera-device-card/1";
    private static final ObjectMapper JSON = SyncJson.strict(64 * 1024, 4096);

    public static Optional<DeviceCard> parse(byte[] json) {
        try {
            DeviceCard c = JSON.readValue(json, DeviceCard.class);
            return FORMAT.equals(c.format()) && c.asNodeKey().wellFormed() ? Optional.of(c) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public TrustBundle.NodeKey asNodeKey() {
        return new TrustBundle.NodeKey(nodeId, name, kind, keyId, signKey, ageRecipient, fingerprint);
    }

    static DeviceCard of(String nodeId, String name, NodeKind kind, VerifyKey key, AgeRecipient recipient) {
        return new DeviceCard(FORMAT, nodeId, name, kind, key.keyIdHex(), key.minisignBase64(), recipient.value(),
                Fingerprint.ofDevice(key, recipient).value());
    }
}
