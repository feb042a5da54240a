package org.itinera.core.medical;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.keys.MedicalKey;

/**
 * The medical key of this session, if the signed-in user holds one (docs/decisions/0009). Seals
 * and opens text values of medical detail columns; a session without the key can do neither.
 */
public final class MedicalSeal implements AutoCloseable {
    private final SecureRandom random;
    private MedicalKey key;

    public MedicalSeal(SecureRandom random) {
        this.random = random;
    }

    /** Called once the session knows the key (sign-in of a medical role, or the key was just created). */
    public synchronized void hold(MedicalKey medicalKey) {
        if (key != null && key != medicalKey) {
            key.close();
        }
        this.key = medicalKey;
    }

    public synchronized Optional<MedicalKey> key() {
        return Optional.ofNullable(key);
    }

    public synchronized boolean available() {
        return key != null;
    }

    /** The id of the key values are sealed with now. */
    public synchronized String keyId() {
        return require().id();
    }

    public synchronized byte[] seal(String table, String column, String rowId, String text) {
        return require().seal(table, column, rowId, text.getBytes(StandardCharsets.UTF_8), random);
    }

    /** Opens a value sealed with this session's key; refuses one sealed with another key or altered. */
    public synchronized String open(String table, String column, String rowId, String keyId, byte[] sealed) {
        MedicalKey k = require();
        if (keyId != null && !keyId.equals(k.id())) {
            throw new MedicalKeyMissingException(UserMessage.of("medical.error.otherKey"));
        }
        return k.open(table, column, rowId, sealed).map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow(() -> new MedicalKeyMissingException(UserMessage.of("medical.error.unreadable")));
    }

    private MedicalKey require() {
        if (key == null) {
            throw new MedicalKeyMissingException(UserMessage.of("medical.error.noKey"));
        }
        return key;
    }

    @Override
    public synchronized void close() {
        if (key != null) {
            key.close();
            key = null;
        }
    }
}
