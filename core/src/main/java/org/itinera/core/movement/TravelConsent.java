package org.itinera.core.movement;

import java.time.LocalDate;

/**
 * Consent to travel assistance as the movement officer records it at the pre-departure briefing:
 * how it was given (SIGNED, SPOKEN, or by PROXY for someone who cannot give it, with who and why),
 * when, and until when.
 */
public record TravelConsent(Method method, LocalDate givenOn, LocalDate expiresOn, String proxyName,
                            String proxyRelationship) {
    public enum Method { SIGNED, SPOKEN, PROXY }
}
