package org.itinera.core.consent;

import java.time.LocalDate;
import java.util.Optional;

/** A recorded consent, with its withdrawal if any. {@code recordedBy}/{@code withdrawnBy} are user ids. */
public record Consent(String id, String personId, ConsentPurpose purpose, Optional<String> partnerId,
                      Optional<String> partnerName, LocalDate givenOn, ConsentMethod method, Optional<String> proxyName,
                      Optional<String> proxyRelationship, Optional<String> recordedBy, Optional<LocalDate> expiresOn,
                      Optional<LocalDate> withdrawnOn, Optional<String> withdrawnBy, Optional<String> withdrawalNote) {

    /** The status of this record alone on {@code day} (a later withdrawal of another record is {@link ConsentRules}' affair). */
    public ConsentStatus statusOn(LocalDate day) {
        if (withdrawnOn.isPresent() && !withdrawnOn.get().isAfter(day)) {
            return ConsentStatus.WITHDRAWN;
        }
        if (givenOn.isAfter(day)) {
            return ConsentStatus.NOT_YET_VALID;
        }
        if (expiresOn.isPresent() && expiresOn.get().isBefore(day)) {
            return ConsentStatus.EXPIRED;
        }
        return ConsentStatus.VALID;
    }

    /** Whether this record speaks for a purpose (and, for data sharing, for this partner). */
    public boolean concerns(ConsentPurpose p, String partner) {
        return purpose == p && (!p.needsPartner() || partnerId.isPresent() && partnerId.get().equals(partner));
    }
}
