package org.itinera.core.consent;

import java.time.LocalDate;

/** What a caseworker records: the person, the purpose (and partner), when and how, until when. */
public record NewConsent(String personId, ConsentPurpose purpose, String partnerId, LocalDate givenOn,
                         ConsentMethod method, String proxyName, String proxyRelationship, LocalDate expiresOn) {
    public NewConsent {
        proxyName = blankToNull(proxyName);
        proxyRelationship = blankToNull(proxyRelationship);
        partnerId = blankToNull(partnerId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
