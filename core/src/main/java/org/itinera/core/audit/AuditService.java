package org.itinera.core.audit;

import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.store.Store;
import org.itinera.core.task.ProgressSink;

/**
 * The audit trail for the people who review it (auditors, mission administrators): filtered pages,
 * verification of the hash chain, and the chain head that sync packages carry.
 */
public final class AuditService {
    private final Store store;
    private final AuditRepository entries;
    private final AuditVerifier verifier;
    private final AccessPolicy access;

    public AuditService(Store store, AuditRepository entries, AuditVerifier verifier, AccessPolicy access) {
        this.store = store;
        this.entries = entries;
        this.verifier = verifier;
        this.access = access;
    }

    /** How many entries match; a search of the trail is itself recorded. */
    public int count(Actor actor, AuditFilter filter) {
        access.require(actor, Permission.AUDIT_READ);
        // recorded first, so the count (and the list after it) includes this search
        store.auditOnly(actor, AuditEvent.ok("AUDIT_SEARCH", "audit", null, describe(filter)));
        return store.read(dsl -> entries.count(dsl, filter));
    }

    public List<AuditEntry> page(Actor actor, AuditFilter filter, int offset, int limit) {
        access.require(actor, Permission.AUDIT_READ);
        return store.read(dsl -> entries.page(dsl, filter, offset, limit));
    }

    /** Actions that occur in the trail, for the viewer's filter. */
    public List<String> actions(Actor actor) {
        access.require(actor, Permission.AUDIT_READ);
        return store.read(entries::actions);
    }

    /**
     * Checks every link of the chain (and, when given, that the head recorded elsewhere is still in
     * it). The check and its outcome are recorded as a new entry after the checked ones.
     */
    public AuditVerifier.Result verify(Actor actor, Optional<AuditLog.Head> expected, ProgressSink progress) {
        access.require(actor, Permission.AUDIT_READ);
        AuditVerifier.Result r = store.read(dsl -> verifier.verify(dsl, expected, progress));
        String detail = "entries=" + r.entriesChecked() + "; head=" + r.head().seq()
                + r.firstBreak().map(b -> "; break=" + b.seq() + " " + b.problem()).orElse("");
        store.auditOnly(actor, new AuditEvent("AUDIT_VERIFY", "audit", null,
                r.intact() ? AuditEvent.Outcome.OK : AuditEvent.Outcome.FAILED, detail));
        return r;
    }

    /**
     * The chain head (sequence number and hash of the newest entry). Not personal data and needed by
     * every sync export whoever signs in, so it asks for no permission.
     */
    public AuditLog.Head head() {
        return store.read(AuditLog::head);
    }

    private static String describe(AuditFilter f) {
        StringBuilder sb = new StringBuilder();
        f.user().ifPresent(u -> sb.append("user=").append(u).append("; "));
        f.action().ifPresent(a -> sb.append("action=").append(a).append("; "));
        f.entityType().ifPresent(t -> sb.append("entity=").append(t).append("; "));
        f.entityId().ifPresent(i -> sb.append("id=").append(i).append("; "));
        f.from().ifPresent(d -> sb.append("from=").append(d).append("; "));
        f.to().ifPresent(d -> sb.append("to=").append(d).append("; "));
        // typed filter text may hold anything; the chain refuses control characters
        return sb.isEmpty() ? null : sb.substring(0, sb.length() - 2).replaceAll("\\p{Cntrl}", "?");
    }
}
