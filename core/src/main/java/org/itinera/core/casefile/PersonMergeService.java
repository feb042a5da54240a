package org.itinera.core.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Duplicates in the registry (issue 7): marking a person as a duplicate of another sets its
 * {@code merged_into} link through the single write path (a synced change of one column and an
 * audit entry); nothing of the duplicate is deleted or rewritten, so unmerging only clears the link.
 * Files follow the chain of links to the survivor (docs/decisions/0012-person-merge.md).
 */
public final class PersonMergeService {
    public static final int MAX_REASON = 500;

    private final Store store;
    private final PersonRepository persons;
    private final AccessPolicy access;

    public PersonMergeService(Store store, PersonRepository persons, AccessPolicy access) {
        this.store = store;
        this.persons = persons;
        this.access = access;
    }

    /**
     * Marks {@code duplicateId} as a duplicate of {@code survivorId}. Needs the merge right over both
     * persons' offices. Refused: the same person, a deleted or unknown person, a duplicate already
     * merged (unmerge it first), a survivor whose own chain leads back to the duplicate (a cycle),
     * and a blank reason. When the chosen survivor was itself merged, the link goes to the end of its chain.
     */
    public void merge(Actor actor, String duplicateId, String survivorId, String reason) {
        String dupOffice = officeOf(duplicateId);
        access.require(actor, Permission.PERSON_MERGE, dupOffice);
        access.require(actor, Permission.PERSON_MERGE, officeOf(survivorId));
        String end = survivorId == null ? null : store.read(dsl -> persons.survivorOf(dsl, survivorId));
        if (end != null && !end.equals(survivorId)) {
            // the chosen survivor was merged itself: the link goes to the end of its chain, which must be covered too
            access.require(actor, Permission.PERSON_MERGE, officeOf(end));
        }
        Validator v = new Validator().required("reason", reason).maxLength("reason", reason, MAX_REASON);
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("PERSON_MERGE", "person", duplicateId,
                "into=" + survivorId + "; reason=" + reason.strip()), tx -> {
            var dsl = tx.dsl();
            if (duplicateId == null || !persons.exists(dsl, duplicateId)) {
                throw refused("duplicate", "merge.error.unknownPerson");
            }
            if (duplicateId.equals(survivorId)) {
                throw refused("survivor", "merge.error.self");
            }
            if (survivorId == null || !persons.exists(dsl, survivorId)) {
                throw refused("survivor", "merge.error.survivorGone");
            }
            if (persons.mergeLink(dsl, duplicateId).filter(t -> persons.exists(dsl, t)).isPresent()) {
                throw refused("duplicate", "merge.error.alreadyMerged");
            }
            if (end.equals(duplicateId) || persons.chainReaches(dsl, survivorId, duplicateId)) {
                throw refused("survivor", "merge.error.cycle");
            }
            persons.setMergeLink(tx, duplicateId, end);
            return null;
        });
    }

    /** Clears a duplicate's link: it is a person of its own again, with everything it had. */
    public void unmerge(Actor actor, String duplicateId) {
        access.require(actor, Permission.PERSON_MERGE, officeOf(duplicateId));
        store.write(actor, AuditEvent.ok("PERSON_UNMERGE", "person", duplicateId), tx -> {
            if (duplicateId == null || !persons.exists(tx.dsl(), duplicateId)) {
                throw refused("duplicate", "merge.error.unknownPerson");
            }
            if (persons.mergeLink(tx.dsl(), duplicateId).isEmpty()) {
                throw refused("duplicate", "merge.error.notMerged");
            }
            persons.setMergeLink(tx, duplicateId, null);
            return null;
        });
    }

    /** The person whose file a merged person's file now lives in (end of the chain); empty when not merged. */
    public Optional<String> mergedInto(Actor actor, String id) {
        access.require(actor, Permission.PERSON_READ, officeOf(id));
        String end = store.read(dsl -> persons.survivorOf(dsl, id));
        return end.equals(id) ? Optional.empty() : Optional.of(end);
    }

    /**
     * The persons whose files now live in this one (directly or along a chain), limited to the offices
     * the actor may read persons of.
     */
    public List<MergedRecord> mergedRecords(Actor actor, String survivorId) {
        access.require(actor, Permission.PERSON_READ, officeOf(survivorId));
        var scope = access.scope(actor, Permission.PERSON_READ);
        return store.read(dsl -> {
            List<String> ids = new ArrayList<>(persons.personsOfFile(dsl, survivorId));
            ids.remove(0);
            return persons.mergedRecords(dsl, ids);
        }).stream().filter(r -> scope.all() || r.person().officeId() == null
                || scope.offices().contains(r.person().officeId())).toList();
    }

    private String officeOf(String id) {
        return id == null ? null : store.read(dsl -> persons.officeOf(dsl, id)).orElse(null);
    }

    private static ValidationException refused(String field, String key) {
        return new ValidationException(List.of(FieldError.of(field, key)));
    }
}
