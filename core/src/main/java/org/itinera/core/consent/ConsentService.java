package org.itinera.core.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.organisation.Partner;
import org.itinera.core.organisation.PartnerRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Recording and withdrawing a person's consent, per purpose. Records are never erased: a withdrawal
 * is written on the record (date, who, why) and {@link ConsentPolicy} respects it from that day on.
 */
public final class ConsentService {
    public static final int MAX_TEXT = 100;
    public static final int MAX_NOTE = 500;

    private final Store store;
    private final ConsentRepository consents;
    private final PersonRepository persons;
    private final PartnerRepository partners;
    private final AccessPolicy access;
    private final Clock clock;

    public ConsentService(Store store, ConsentRepository consents, PersonRepository persons, PartnerRepository partners,
                          AccessPolicy access, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.persons = persons;
        this.partners = partners;
        this.access = access;
        this.clock = clock;
    }

    public Consent record(Actor actor, NewConsent c) {
        String office = officeOf(c.personId());
        access.require(actor, Permission.CONSENT_WRITE, office);
        validate(c).throwIfInvalid();
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("CONSENT_RECORD", "person", c.personId(), "consent=" + id + "; purpose="
                + c.purpose().name()), tx -> {
            consents.insert(tx, id, c, actor.userId());
            return null;
        });
        return store.read(dsl -> consents.find(dsl, id)).orElseThrow();
    }

    /** Records that the person withdrew this consent on {@code on}; it counts from that day. */
    public Consent withdraw(Actor actor, String consentId, LocalDate on, String note) {
        Optional<Consent> found = store.read(dsl -> consents.find(dsl, consentId));
        access.require(actor, Permission.CONSENT_WRITE, found.map(c -> officeOf(c.personId())).orElse(null));
        Consent c = found.orElseThrow(() -> new ValidationException(List.of(FieldError.of("consent", "consent.error.unknown"))));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Validator v = new Validator().required("withdrawnOn", on == null ? null : on.toString())
                .maxLength("withdrawalNote", cleanNote, MAX_NOTE)
                .notInFuture("withdrawnOn", on, LocalDate.now(clock));
        if (c.withdrawnOn().isPresent()) {
            v.add(FieldError.of("withdrawnOn", "consent.error.alreadyWithdrawn"));
        }
        if (on != null && on.isBefore(c.givenOn())) {
            v.add(FieldError.of("withdrawnOn", "consent.error.withdrawnBeforeGiven"));
        }
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("CONSENT_WITHDRAW", "person", c.personId(), "consent=" + consentId
                + "; purpose=" + c.purpose().name()), tx -> {
            consents.withdraw(tx, consentId, on, actor.userId(), cleanNote);
            return null;
        });
        return store.read(dsl -> consents.find(dsl, consentId)).orElseThrow();
    }

    /** A person's consents, newest first, each with where it stands today. The read is recorded. */
    public List<PersonConsent> ofPerson(Actor actor, String personId) {
        access.require(actor, Permission.CONSENT_READ, officeOf(personId));
        List<Consent> all = store.read(dsl -> consents.ofPerson(dsl, personId));
        store.auditOnly(actor, AuditEvent.ok("CONSENT_VIEW", "person", personId));
        LocalDate today = LocalDate.now(clock);
        return all.stream().map(c -> new PersonConsent(c, ConsentRules.statusAmong(c, all, today))).toList();
    }

    /** Partners a data-sharing consent can name (not personal data: no permission needed). */
    public List<Partner> partners() {
        return store.read(partners::all);
    }

    private String officeOf(String personId) {
        return personId == null ? null : store.read(dsl -> persons.officeOf(dsl, personId)).orElse(null);
    }

    private Validator validate(NewConsent c) {
        LocalDate today = LocalDate.now(clock);
        Validator v = new Validator()
                .required("person", c.personId())
                .required("purpose", c.purpose() == null ? null : c.purpose().name())
                .required("method", c.method() == null ? null : c.method().name())
                .required("givenOn", c.givenOn() == null ? null : c.givenOn().toString())
                .notInFuture("givenOn", c.givenOn(), today)
                .maxLength("proxyName", c.proxyName(), MAX_TEXT)
                .maxLength("proxyRelationship", c.proxyRelationship(), MAX_TEXT);
        if (c.personId() != null && store.read(dsl -> persons.find(dsl, c.personId())).isEmpty()) {
            v.add(FieldError.of("person", "consent.error.unknownPerson"));
        }
        if (c.purpose() != null && c.purpose().needsPartner()) {
            v.required("partner", c.partnerId());
            if (c.partnerId() != null && store.read(dsl -> partners.find(dsl, c.partnerId())).isEmpty()) {
                v.add(FieldError.of("partner", "consent.error.unknownPartner"));
            }
        } else if (c.partnerId() != null) {
            v.add(FieldError.of("partner", "consent.error.partnerOnlyForSharing"));
        }
        if (c.method() == ConsentMethod.PROXY) {
            v.required("proxyName", c.proxyName()).required("proxyRelationship", c.proxyRelationship());
        } else if (c.proxyName() != null || c.proxyRelationship() != null) {
            v.add(FieldError.of("proxyName", "consent.error.proxyOnlyForProxy"));
        }
        if (c.expiresOn() != null && c.givenOn() != null && !c.expiresOn().isAfter(c.givenOn())) {
            v.add(FieldError.of("expiresOn", "consent.error.expiresBeforeGiven"));
        }
        return v;
    }
}
