package org.itinera.core.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.Validator;

/** Registering, editing, finding and opening persons. */
public final class PersonService {
    public static final int MAX_NAME = 100;

    private final Store store;
    private final PersonRepository persons;
    private final AccessPolicy access;
    private final ReferenceData reference;
    private final Clock clock;

    public PersonService(Store store, PersonRepository persons, AccessPolicy access, ReferenceData reference, Clock clock) {
        this.store = store;
        this.persons = persons;
        this.access = access;
        this.reference = reference;
        this.clock = clock;
    }

    public record SearchResult(List<PersonSummary> hits, boolean more) {
    }

    public Person create(Actor actor, PersonDetails details) {
        access.require(actor, Permission.PERSON_WRITE, details.officeId());
        validate(details).throwIfInvalid();
        Person p = new Person(store.ids().next(), details);
        store.write(actor, AuditEvent.ok("PERSON_CREATE", "person", p.id()), tx -> {
            persons.insert(tx, p);
            return null;
        });
        return p;
    }

    public void update(Actor actor, Person person) {
        String office = store.read(dsl -> persons.officeOf(dsl, person.id())).orElse(null);
        access.require(actor, Permission.PERSON_WRITE, office);
        if (person.details().officeId() != null && !person.details().officeId().equals(office)) {
            // moving a person to another office needs the right there too
            access.require(actor, Permission.PERSON_WRITE, person.details().officeId());
        }
        validate(person.details()).throwIfInvalid();
        store.write(actor, AuditEvent.ok("PERSON_UPDATE", "person", person.id()),
                tx -> persons.update(tx, person));
    }

    /**
     * Opens a person's file; the read is recorded in the audit trail. A person merged into another
     * opens the survivor's file (the end of the chain of merges, docs/decisions/0012).
     */
    public Optional<Person> open(Actor actor, String id) {
        Optional<Person> p = store.read(dsl -> persons.find(dsl, id).isEmpty() ? Optional.<Person>empty()
                : persons.find(dsl, persons.survivorOf(dsl, id)));
        access.require(actor, Permission.PERSON_READ, p.map(x -> x.details().officeId()).orElse(null));
        p.ifPresent(x -> store.auditOnly(actor, AuditEvent.ok("PERSON_VIEW", "person", x.id())));
        return p;
    }

    public List<PersonSummary> page(Actor actor, int offset, int limit) {
        access.require(actor, Permission.PERSON_READ);
        Collection<String> offices = visibleOffices(actor);
        return store.read(dsl -> persons.page(dsl, offset, limit, offices));
    }

    /** The page after a row already shown (fast at any depth of the list). */
    public List<PersonSummary> pageAfter(Actor actor, PersonSummary last, int limit) {
        access.require(actor, Permission.PERSON_READ);
        Collection<String> offices = visibleOffices(actor);
        return store.read(dsl -> persons.pageAfter(dsl, last.sortKey(), last.id(), limit, offices));
    }

    public int count(Actor actor) {
        access.require(actor, Permission.PERSON_READ);
        Collection<String> offices = visibleOffices(actor);
        return store.read(dsl -> persons.count(dsl, offices));
    }

    /**
     * Finds persons by any part of their names, in Latin or original script, ignoring case and
     * accents. Three letters or more use the trigram index; shorter queries match name beginnings.
     */
    public SearchResult search(Actor actor, String query, int limit) {
        access.require(actor, Permission.PERSON_READ);
        String folded = NameFolding.fold(query);
        if (folded.isEmpty()) {
            return new SearchResult(List.of(), false);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : folded.split(" ")) {
            if (t.codePointCount(0, t.length()) >= 3) {
                tokens.add(t);
            }
        }
        Collection<String> offices = visibleOffices(actor);
        List<PersonSummary> hits = store.read(dsl -> {
            List<String> ids = tokens.isEmpty() ? persons.idsByPrefix(dsl, folded, limit + 1)
                    : persons.idsByTrigrams(dsl, tokens, limit + 1);
            return persons.summaries(dsl, ids, offices);
        });
        List<PersonSummary> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing((PersonSummary s) -> NameFolding.fold(s.latinName())));
        boolean more = sorted.size() > limit;
        return new SearchResult(more ? List.copyOf(sorted.subList(0, limit)) : List.copyOf(sorted), more);
    }

    /** Offices whose persons the actor may read (office and country grants), or null for every office. */
    Collection<String> visibleOffices(Actor actor) {
        return access.scope(actor, Permission.PERSON_READ).filter();
    }

    public Validator validate(PersonDetails d) {
        LocalDate today = LocalDate.now(clock);
        Validator v = new Validator()
                .required("givenName", d.givenName()).maxLength("givenName", d.givenName(), MAX_NAME)
                .required("familyName", d.familyName()).maxLength("familyName", d.familyName(), MAX_NAME)
                .maxLength("middleName", d.middleName(), MAX_NAME)
                .maxLength("givenNameOrig", d.givenNameOrig(), MAX_NAME)
                .maxLength("familyNameOrig", d.familyNameOrig(), MAX_NAME)
                .maxLength("placeOfBirth", d.placeOfBirth(), MAX_NAME)
                .check("nationality", d.nationality(), c -> reference.country(c).isPresent(), "validation.unknownCountry")
                .check("primaryLanguage", d.primaryLanguage(), l -> reference.language(l).isPresent(),
                        "validation.unknownLanguage")
                .check("phone", d.phone(), PersonService::plausiblePhone, "validation.phone");
        d.birthDate().asDate().ifPresent(date -> {
            v.notInFuture("birthDate", date, today);
            if (date.getYear() < 1900) {
                v.add(FieldError.of("birthDate", "validation.birthTooOld"));
            }
        });
        return v;
    }

    static boolean plausiblePhone(String phone) {
        if (!phone.matches("[+]?[0-9 ()./-]+")) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        return digits >= 6 && digits <= 15;
    }
}
