package org.itinera.core.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.validation.Validator;

/** The mission's offices. Everyone signed in may list them; only an administrator adds one. */
public final class OfficeService {
    private final Store store;
    private final OfficeRepository offices;
    private final AccessPolicy access;
    private final ReferenceData reference;

    public OfficeService(Store store, OfficeRepository offices, AccessPolicy access, ReferenceData reference) {
        this.store = store;
        this.offices = offices;
        this.access = access;
        this.reference = reference;
    }

    public Office create(Actor actor, String code, String name, String country) {
        access.require(actor, Permission.USER_ADMIN);
        new Validator().required("code", code).check("code", code, c -> c.strip().matches("[A-Za-z]{2,6}"),
                        "validation.officeCode")
                .required("name", name).maxLength("name", name, 100)
                .required("country", country)
                .check("country", country, c -> reference.country(c).isPresent(), "validation.unknownCountry")
                .throwIfInvalid();
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        Office o = new Office(Office.idFor(normalised), normalised, name.strip(), country.toUpperCase(Locale.ROOT));
        store.write(actor, AuditEvent.ok("OFFICE_CREATE", "office", o.id()), tx -> {
            if (offices.findByCode(tx.dsl(), normalised).isPresent()) {
                new Validator().check("code", normalised, c -> false, "validation.officeCodeTaken").throwIfInvalid();
            }
            offices.insert(tx, o);
            return null;
        });
        return o;
    }

    public List<Office> all() {
        return store.read(offices::all);
    }

    public Optional<Office> find(String id) {
        return id == null ? Optional.empty() : store.read(dsl -> offices.find(dsl, id));
    }
}
