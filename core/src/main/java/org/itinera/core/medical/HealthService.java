package org.itinera.core.medical;

import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.store.Store;

/**
 * What the rest of the application may know about a person's health: the fitness decision for
 * everyone who works the case, the assessments for medical staff only. The medical module
 * (issue 6) adds writing, sealed details and the medical screens on top of this.
 */
public final class HealthService {
    private final Store store;
    private final HealthRepository health;
    private final PersonRepository persons;
    private final AccessPolicy access;

    public HealthService(Store store, HealthRepository health, PersonRepository persons, AccessPolicy access) {
        this.store = store;
        this.health = health;
        this.persons = persons;
        this.access = access;
    }

    /** The latest fitness-to-travel decision, without any medical detail. */
    public Optional<FitnessStatus> fitness(Actor actor, String personId) {
        access.require(actor, Permission.FITNESS_DECISION_READ, officeOf(personId));
        return store.read(dsl -> health.latestFitness(dsl, personId));
    }

    /** A person's health assessments: medical staff only, and the read is recorded. */
    public List<HealthAssessment> assessments(Actor actor, String personId) {
        access.require(actor, Permission.MEDICAL_DETAIL_READ, officeOf(personId));
        List<HealthAssessment> found = store.read(dsl -> health.assessments(dsl, personId));
        store.auditOnly(actor, AuditEvent.ok("MEDICAL_VIEW", "person", personId));
        return found;
    }

    private String officeOf(String personId) {
        return store.read(dsl -> persons.officeOf(dsl, personId)).orElse(null);
    }
}
