package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.global;
import static org.itinera.core.access.matrix.Operation.home;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.itinera.core.access.Permission;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.NewConsent;

/** Consent and the exports it gates. */
final class ConsentOperations {
    private ConsentOperations() {
    }

    static final List<Operation> LIST = List.of(
            home("ConsentService.record", Permission.CONSENT_WRITE,
                    (f, a) -> f.ws.consents().record(a, new NewConsent(f.homePerson, ConsentPurpose.ASSISTANCE, null,
                            LocalDate.of(2026, 11, 3), ConsentMethod.PROXY, "Mariam Touré", "Mother", null))),
            home("ConsentService.withdraw", Permission.CONSENT_WRITE,
                    (f, a) -> f.ws.consents().withdraw(a, f.newConsent(), LocalDate.of(2026, 11, 20), "changed her mind")),
            home("ConsentService.ofPerson", Permission.CONSENT_READ, (f, a) -> f.ws.consents().ofPerson(a, f.homePerson)),
            global("PartnerExchangeService.export", Permission.PARTNER_EXCHANGE,
                    (f, a) -> f.ws.exchange().export(a, f.partner, List.of(f.homePerson), new StringWriter())),
            home("PartnerExchangeService.exportOffice", Permission.PARTNER_EXCHANGE,
                    (f, a) -> f.ws.exchange().exportOffice(a, f.partner, f.homeOffice, new StringWriter())));
}
