package org.itinera.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.itinera.core.i18n.UserMessage;

/** The consent rule on its own, over many histories of giving and withdrawing. */
class ConsentRulesTest {
    static final LocalDate D0 = LocalDate.of(2026, 1, 1);

    static Consent given(int day, Integer expiresDay, Integer withdrawnDay) {
        return new Consent("c" + day + "-" + withdrawnDay, "p", ConsentPurpose.RESEARCH, Optional.empty(), Optional.empty(),
                D0.plusDays(day), ConsentMethod.SIGNED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(expiresDay).map(D0::plusDays), Optional.ofNullable(withdrawnDay).map(D0::plusDays),
                Optional.empty(), Optional.empty());
    }

    @Property(tries = 300)
    void afterAWithdrawalNothingGivenBeforeItCountsAgain(@ForAll @IntRange(max = 50) int given,
                                                          @ForAll @IntRange(max = 60) int withdrawnAfter,
                                                          @ForAll @IntRange(max = 30) int earlierBy,
                                                          @ForAll @IntRange(max = 100) int dayAfter) {
        int withdrawn = given + withdrawnAfter;
        // an older consent that was never withdrawn, and the one withdrawn later
        List<Consent> records = List.of(given(Math.max(0, given - earlierBy), null, null), given(given, null, withdrawn));
        LocalDate day = D0.plusDays(withdrawn + dayAfter);
        ConsentDecision d = ConsentRules.decide(records, ConsentPurpose.RESEARCH, null, null, day);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains(UserMessage.of("consent.refused.withdrawn",
                UserMessage.of("enum.ConsentPurpose.RESEARCH"), D0.plusDays(withdrawn).toString()));
    }

    @Property(tries = 300)
    void consentGivenAgainAfterAWithdrawalCounts(@ForAll @IntRange(max = 50) int given,
                                                 @ForAll @IntRange(max = 60) int withdrawnAfter,
                                                 @ForAll @IntRange(min = 1, max = 60) int renewedAfter,
                                                 @ForAll @IntRange(max = 100) int dayAfter) {
        int withdrawn = given + withdrawnAfter;
        int renewed = withdrawn + renewedAfter;
        List<Consent> records = new ArrayList<>(List.of(given(given, null, withdrawn), given(renewed, null, null)));
        ConsentDecision d = ConsentRules.decide(records, ConsentPurpose.RESEARCH, null, null, D0.plusDays(renewed + dayAfter));
        assertThat(d.allowed()).isTrue();
        assertThat(d.consentId()).contains("c" + renewed + "-null");
    }

    @Property(tries = 100)
    void onTheDayOfAWithdrawalTheWithdrawalWinsOverConsentGivenThatDay(@ForAll @IntRange(max = 50) int day) {
        List<Consent> records = List.of(given(day, null, day), given(day, null, null));
        assertThat(ConsentRules.decide(records, ConsentPurpose.RESEARCH, null, null, D0.plusDays(day)).allowed()).isFalse();
        assertThat(ConsentRules.decide(records, ConsentPurpose.RESEARCH, null, null, D0.plusDays(day + 1)).allowed()).isFalse();
    }

    @Property(tries = 300)
    void aConsentCountsFromItsDayUntilItsExpiryInclusive(@ForAll @IntRange(max = 50) int given,
                                                         @ForAll @IntRange(min = 1, max = 50) int lasts,
                                                         @ForAll @IntRange(max = 120) int day) {
        List<Consent> records = List.of(given(given, given + lasts, null));
        boolean inside = day >= given && day <= given + lasts;
        assertThat(ConsentRules.decide(records, ConsentPurpose.RESEARCH, null, null, D0.plusDays(day)).allowed())
                .isEqualTo(inside);
    }

    @Property(tries = 50)
    void withoutAnyRecordTheAnswerIsNoAndSaysSo(@ForAll ConsentPurpose purpose) {
        ConsentDecision d = ConsentRules.decide(List.of(), purpose, "partner-1", "Caritas Mali", D0);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason().orElseThrow().key())
                .isEqualTo(purpose.needsPartner() ? "consent.refused.nonePartner" : "consent.refused.none");
    }
}
