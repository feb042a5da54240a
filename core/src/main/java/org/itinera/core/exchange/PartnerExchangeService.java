package org.itinera.core.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.consent.ConsentDecision;
import org.itinera.core.consent.ConsentPolicy;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.organisation.PartnerRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;

/**
 * A partner exchange: a CSV of the minimum fields (id, names, sex, year of birth, nationality) for
 * the persons who consented to data sharing with that partner today. Persons without a valid
 * consent, or outside the actor's offices, are left out, each with the reason. The export is
 * recorded in the audit trail with the ids of everyone whose data left.
 */
public final class PartnerExchangeService {
    static final String HEADER = "person_id,given_name,family_name,sex,birth_year,nationality";

    private final Store store;
    private final ExchangeRepository rows;
    private final PartnerRepository partners;
    private final ConsentPolicy consent;
    private final AccessPolicy access;

    public PartnerExchangeService(Store store, ExchangeRepository rows, PartnerRepository partners,
                                  ConsentPolicy consent, AccessPolicy access) {
        this.store = store;
        this.rows = rows;
        this.partners = partners;
        this.consent = consent;
        this.access = access;
    }

    /** Exports the given persons (those who consented) for a partner. */
    public ExchangeResult export(Actor actor, String partnerId, Collection<String> personIds, Writer out) {
        access.require(actor, Permission.PARTNER_EXCHANGE);
        if (partnerId == null || store.read(dsl -> partners.find(dsl, partnerId)).isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("partner", "consent.error.unknownPartner")));
        }
        Set<String> wanted = new LinkedHashSet<>(personIds);
        AccessPolicy.OfficeScope scope = access.scope(actor, Permission.PARTNER_EXCHANGE);
        List<ExchangeRepository.Row> found = store.read(dsl -> rows.rows(dsl, wanted));
        Map<String, ConsentDecision> decisions = consent.decideAll(wanted, ConsentPurpose.DATA_SHARING, partnerId);
        List<ExchangeResult.Excluded> excluded = new ArrayList<>();
        List<ExchangeRepository.Row> included = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ExchangeRepository.Row r : found) {
            seen.add(r.id());
            ConsentDecision d = decisions.get(r.id());
            if (!scope.all() && !scope.offices().contains(r.officeId())) {
                excluded.add(new ExchangeResult.Excluded(r.id(), UserMessage.of("exchange.excluded.office")));
            } else if (!d.allowed()) {
                excluded.add(new ExchangeResult.Excluded(r.id(), d.reason().orElseThrow()));
            } else {
                included.add(r);
            }
        }
        wanted.stream().filter(id -> !seen.contains(id))
                .forEach(id -> excluded.add(new ExchangeResult.Excluded(id, UserMessage.of("exchange.excluded.unknown"))));
        String ids = String.join(",", included.stream().map(ExchangeRepository.Row::id).toList());
        store.write(actor, AuditEvent.ok("EXPORT", "partner", partnerId, "kind=partner-exchange; persons="
                + included.size() + "; excluded=" + excluded.size() + (ids.isEmpty() ? "" : "; ids=" + ids)), tx -> {
            // the file is written inside the audited transaction: no export without its audit entry
            write(included, out);
            return null;
        });
        return new ExchangeResult(included.size(), excluded);
    }

    /** Exports every person of an office who consented to sharing with the partner. */
    public ExchangeResult exportOffice(Actor actor, String partnerId, String officeId, Writer out) {
        access.require(actor, Permission.PARTNER_EXCHANGE, officeId);
        return export(actor, partnerId, store.read(dsl -> rows.personsOfOffice(dsl, officeId)), out);
    }

    private static void write(List<ExchangeRepository.Row> included, Writer out) {
        try {
            out.write(HEADER);
            out.write("\r\n");
            for (ExchangeRepository.Row r : included) {
                String year = r.birthDate() == null || "UNKNOWN".equals(r.birthPrecision()) ? "" : r.birthDate().substring(0, 4);
                out.write(String.join(",", csv(r.id()), csv(r.givenName()), csv(r.familyName()), csv(r.sex()), csv(year),
                        csv(r.nationality())));
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
