package org.itinera.core.consent;

/** A consent record with where it stands today among the person's other records. */
public record PersonConsent(Consent consent, ConsentStatus status) {
}
