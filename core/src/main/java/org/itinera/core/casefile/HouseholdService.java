package org.itinera.core.casefile;

import java.util.List;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.core.validation.Validator;

/** Households: people assisted or travelling together. */
public final class HouseholdService {
    private final Store store;
    private final HouseholdRepository households;
    private final AccessPolicy access;

    public HouseholdService(Store store, HouseholdRepository households, AccessPolicy access) {
        this.store = store;
        this.households = households;
        this.access = access;
    }

    /** Creates a household with its head as first member. */
    public String create(Actor actor, String reference, String officeId, String headPersonId) {
        access.require(actor, Permission.HOUSEHOLD_WRITE, officeId);
        new Validator().required("reference", reference).maxLength("reference", reference, 40)
                .required("head", headPersonId).throwIfInvalid();
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("HOUSEHOLD_CREATE", "household", id), tx -> {
            households.insert(tx, id, reference.strip(), officeId, headPersonId);
            households.addMember(tx, tx.ids().next(), id, headPersonId, Relationship.HEAD);
            return null;
        });
        return id;
    }

    public void addMember(Actor actor, String householdId, String personId, Relationship relationship) {
        access.require(actor, Permission.HOUSEHOLD_WRITE, store.read(dsl -> households.officeOf(dsl, householdId)).orElse(null));
        store.write(actor, AuditEvent.ok("HOUSEHOLD_ADD_MEMBER", "household", householdId), tx -> {
            households.addMember(tx, tx.ids().next(), householdId, personId, relationship);
            return null;
        });
    }

    /** A household's members; the read is recorded like any read of a case file. */
    public List<HouseholdMember> members(Actor actor, String householdId) {
        access.require(actor, Permission.HOUSEHOLD_READ, store.read(dsl -> households.officeOf(dsl, householdId)).orElse(null));
        List<HouseholdMember> found = store.read(dsl -> households.members(dsl, householdId));
        store.auditOnly(actor, AuditEvent.ok("HOUSEHOLD_VIEW", "household", householdId));
        return found;
    }

    public List<HouseholdSummary> page(Actor actor, int offset, int limit) {
        access.require(actor, Permission.HOUSEHOLD_READ);
        var offices = access.scope(actor, Permission.HOUSEHOLD_READ).filter();
        return store.read(dsl -> households.page(dsl, offset, limit, offices));
    }

    public int count(Actor actor) {
        access.require(actor, Permission.HOUSEHOLD_READ);
        var offices = access.scope(actor, Permission.HOUSEHOLD_READ).filter();
        return store.read(dsl -> households.count(dsl, offices));
    }
}
