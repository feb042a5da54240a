package org.itinera.core.organisation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** A mission office (country office or sub-office). */
public record Office(String id, String code, String name, String country) {

    /**
     * The id of the office with this code, the same on every installation (a name-based UUID of the
     * code), so that two laptops (or a laptop and the hub) that each add office "DKR" add the same
     * record and sync merges it instead of refusing the second as a duplicate code (ADR 0013).
     */
    public static String idFor(String code) {
        return UUID.nameUUIDFromBytes(("itinera/office/" + code.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
