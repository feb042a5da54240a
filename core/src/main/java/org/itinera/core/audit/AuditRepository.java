package org.itinera.core.audit;

import static org.itinera.schema.jooq.Tables.APP_USER;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Reads of the audit trail for the viewer, newest first. Writes only ever go through {@link AuditLog}. */
public final class AuditRepository {

    public List<AuditEntry> page(DSLContext dsl, AuditFilter f, int offset, int limit) {
        return dsl.select(AUDIT_ENTRY.fields()).select(APP_USER.USERNAME)
                .from(AUDIT_ENTRY).leftJoin(APP_USER).on(APP_USER.ID.eq(AUDIT_ENTRY.USER_ID))
                .where(condition(f))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit).offset(offset)
                .fetch(AuditRepository::entry);
    }

    public int count(DSLContext dsl, AuditFilter f) {
        return dsl.fetchCount(AUDIT_ENTRY, condition(f));
    }

    /** Whether a failed sign-in kept by the keyring was already written (by its attempt id). */
    public boolean hasFailedSignIn(DSLContext dsl, String attemptId) {
        return dsl.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("SIGN_IN_FAILED")
                .and(AUDIT_ENTRY.DETAIL.startsWith("attempt=" + attemptId)));
    }

    public List<String> actions(DSLContext dsl) {
        return dsl.selectDistinct(AUDIT_ENTRY.ACTION).from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.ACTION)
                .fetch(AUDIT_ENTRY.ACTION);
    }

    private static Condition condition(AuditFilter f) {
        Condition c = DSL.noCondition();
        if (f.user().isPresent()) {
            String u = f.user().get().strip().toLowerCase(java.util.Locale.ROOT);
            c = c.and(AUDIT_ENTRY.USER_ID.in(DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(u)))
                    .or(AUDIT_ENTRY.USER_ID.eq(f.user().get())));
        }
        if (f.action().isPresent()) {
            c = c.and(AUDIT_ENTRY.ACTION.eq(f.action().get()));
        }
        if (f.entityType().isPresent()) {
            c = c.and(AUDIT_ENTRY.ENTITY_TYPE.eq(f.entityType().get()));
        }
        if (f.entityId().isPresent()) {
            c = c.and(AUDIT_ENTRY.ENTITY_ID.eq(f.entityId().get()));
        }
        // instants are ISO-8601 text: a day's entries sort between "YYYY-MM-DD" and the next day
        if (f.from().isPresent()) {
            c = c.and(AUDIT_ENTRY.AT.ge(f.from().get().toString()));
        }
        if (f.to().isPresent()) {
            c = c.and(AUDIT_ENTRY.AT.lt(f.to().get().plusDays(1).toString()));
        }
        return c;
    }

    private static AuditEntry entry(Record r) {
        String userId = r.get(AUDIT_ENTRY.USER_ID);
        String username = r.get(APP_USER.USERNAME);
        boolean system = userId != null && userId.startsWith("system:");
        return new AuditEntry(r.get(AUDIT_ENTRY.SEQ), Instant.parse(r.get(AUDIT_ENTRY.AT)), system ? null : userId,
                system ? userId : username == null ? String.valueOf(userId) : username, r.get(AUDIT_ENTRY.ACTION),
                r.get(AUDIT_ENTRY.ENTITY_TYPE), r.get(AUDIT_ENTRY.ENTITY_ID),
                AuditEvent.Outcome.valueOf(r.get(AUDIT_ENTRY.OUTCOME)), r.get(AUDIT_ENTRY.DETAIL));
    }
}
