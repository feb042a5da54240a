package org.itinera.core.consent;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/**
 * The rule that decides from a person's consent records whether a purpose is allowed on a day.
 * A consent counts from the day it was given until its expiry (inclusive), unless withdrawn. A
 * withdrawal counts from its day on and also ends every consent for the same purpose (and partner)
 * given on or before that day: the person said no, whatever they had signed earlier. Only dates are
 * recorded, so on a tie the withdrawal wins (the safer reading); consent given on a later day
 * counts again.
 */
public final class ConsentRules {
    private ConsentRules() {
    }

    public static ConsentDecision decide(List<Consent> records, ConsentPurpose purpose, String partnerId,
                                         String partnerName, LocalDate day) {
        List<Consent> relevant = records.stream().filter(c -> c.concerns(purpose, partnerId)).toList();
        UserMessage what = UserMessage.of("enum.ConsentPurpose." + purpose.name());
        if (relevant.isEmpty()) {
            return ConsentDecision.refused(purpose.needsPartner()
                    ? UserMessage.of("consent.refused.nonePartner", what, partnerName == null ? "?" : partnerName)
                    : UserMessage.of("consent.refused.none", what));
        }
        Optional<LocalDate> lastWithdrawal = relevant.stream().flatMap(c -> c.withdrawnOn().stream())
                .filter(w -> !w.isAfter(day)).max(Comparator.naturalOrder());
        Optional<Consent> valid = relevant.stream()
                .filter(c -> statusOn(c, lastWithdrawal, day) == ConsentStatus.VALID)
                .max(Comparator.comparing(Consent::givenOn));
        if (valid.isPresent()) {
            return ConsentDecision.allowedBy(valid.get().id());
        }
        if (lastWithdrawal.isPresent()) {
            return ConsentDecision.refused(UserMessage.of("consent.refused.withdrawn", what, lastWithdrawal.get().toString()));
        }
        Optional<LocalDate> expired = relevant.stream().filter(c -> c.statusOn(day) == ConsentStatus.EXPIRED)
                .flatMap(c -> c.expiresOn().stream()).max(Comparator.naturalOrder());
        if (expired.isPresent()) {
            return ConsentDecision.refused(UserMessage.of("consent.refused.expired", what, expired.get().toString()));
        }
        LocalDate first = relevant.stream().map(Consent::givenOn).min(Comparator.naturalOrder()).orElseThrow();
        return ConsentDecision.refused(UserMessage.of("consent.refused.notYet", what, first.toString()));
    }

    /** The status of a record among its siblings: a later withdrawal of a sibling ends it too. */
    public static ConsentStatus statusOn(Consent c, Optional<LocalDate> lastWithdrawal, LocalDate day) {
        ConsentStatus own = c.statusOn(day);
        if (own == ConsentStatus.VALID && lastWithdrawal.isPresent() && !lastWithdrawal.get().isBefore(c.givenOn())) {
            return ConsentStatus.ENDED_BY_WITHDRAWAL;
        }
        return own;
    }

    /** Each record's status on a day, seen with the other records of the same purpose and partner. */
    public static ConsentStatus statusAmong(Consent c, List<Consent> all, LocalDate day) {
        Optional<LocalDate> lastWithdrawal = all.stream()
                .filter(o -> o.concerns(c.purpose(), c.partnerId().orElse(null)))
                .flatMap(o -> o.withdrawnOn().stream()).filter(w -> !w.isAfter(day)).max(Comparator.naturalOrder());
        return statusOn(c, lastWithdrawal, day);
    }
}
