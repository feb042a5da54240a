package org.itinera.core.audit;

import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.itinera.core.access.Actor;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Append-only hash chain: each entry's hash covers its fields and the previous entry's hash, so
 * changing or deleting any row breaks every later link. Appended inside the writing transaction.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends within the caller's transaction (the store's write path). */
    public void append(DSLContext tx, Actor actor, AuditEvent e) {
        Record2<Integer, String> head = tx.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        int seq = head == null ? 1 : head.value1() + 1;
        String prev = head == null ? GENESIS : head.value2();
        String at = clock.instant().toString();
        String user = actor.isSystem() ? actor.username() : actor.userId();
        String hash = hash(prev, seq, at, user, e);
        tx.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq)
                .set(AUDIT_ENTRY.AT, at)
                .set(AUDIT_ENTRY.USER_ID, user)
                .set(AUDIT_ENTRY.ACTION, e.action())
                .set(AUDIT_ENTRY.ENTITY_TYPE, e.entityType())
                .set(AUDIT_ENTRY.ENTITY_ID, e.entityId())
                .set(AUDIT_ENTRY.OUTCOME, e.outcome().name())
                .set(AUDIT_ENTRY.DETAIL, e.detail())
                .set(AUDIT_ENTRY.PREV_HASH, prev)
                .set(AUDIT_ENTRY.HASH, hash)
                .execute();
    }

    public static String hash(String prev, int seq, String at, String user, AuditEvent e) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        // unit separators keep ("ab","c") and ("a","bc") apart
        String canonical = String.join("\u001f", prev, Integer.toString(seq), at, nullSafe(user), e.action(),
                nullSafe(e.entityType()), nullSafe(e.entityId()), e.outcome().name(), nullSafe(e.detail()));
        return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String nullSafe(String s) {
        return s == null ? "\u0000" : s;
    }
}
