package org.itinera.core.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itinera.core.organisation.Partner;
import org.itinera.core.organisation.PartnerRepository;
import org.itinera.core.store.Store;

/**
 * What other services ask before they share, match or export: does this person's consent allow
 * this purpose (with this partner) today? The caller has already checked the actor's permission;
 * this answers for the person. A refusal carries a sentence saying why.
 */
public final class ConsentPolicy {
    private final Store store;
    private final ConsentRepository consents;
    private final PartnerRepository partners;
    private final Clock clock;

    public ConsentPolicy(Store store, ConsentRepository consents, PartnerRepository partners, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.partners = partners;
        this.clock = clock;
    }

    public ConsentDecision decide(String personId, ConsentPurpose purpose, String partnerId) {
        return decideAll(List.of(personId), purpose, partnerId).get(personId);
    }

    /** Throws {@link ConsentRequiredException} with the reason when consent does not allow it. */
    public void requireConsent(String personId, ConsentPurpose purpose, String partnerId) {
        ConsentDecision d = decide(personId, purpose, partnerId);
        if (!d.allowed()) {
            throw new ConsentRequiredException(d.reason().orElseThrow());
        }
    }

    /** One decision per person, in one read (exports of many persons). */
    public Map<String, ConsentDecision> decideAll(Collection<String> personIds, ConsentPurpose purpose, String partnerId) {
        LocalDate today = LocalDate.now(clock);
        return store.read(dsl -> {
            String partnerName = partnerId == null ? null : partners.find(dsl, partnerId).map(Partner::name).orElse(null);
            Map<String, List<Consent>> byPerson = consents.ofPersons(dsl, personIds, purpose);
            Map<String, ConsentDecision> out = new HashMap<>();
            for (String id : personIds) {
                out.put(id, ConsentRules.decide(byPerson.getOrDefault(id, List.of()), purpose, partnerId, partnerName, today));
            }
            return out;
        });
    }
}
