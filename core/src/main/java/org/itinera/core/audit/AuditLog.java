package org.itinera.core.audit;

import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.itinera.core.access.Actor;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Append-only hash chain: each entry's hash covers its fields and the previous entry's hash, so
 * changing or deleting any row breaks every later link. Appended inside the writing transaction.
 * Field values may not contain the two separator characters the hash uses (U+001F, U+0000), so
 * no two different rows can ever hash the same text.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);
    static final char SEPARATOR = '\u001f';
    static final String NULL = "\u0000";
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** The newest entry: its sequence number and hash (seq 0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {
        public static final Head EMPTY = new Head(0, GENESIS);

        @Override
        public String toString() {
            return seq + ":" + hash;
        }

        /** Parses "seq:hash" as printed by {@link #toString()}. */
        public static Head parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1 || !text.substring(colon + 1).matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("expected seq:hash (64 hex digits), got " + text);
            }
            return new Head(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        }
    }

    /** Appends within the caller's transaction (the store's write path), dated now. */
    public void append(DSLContext tx, Actor actor, AuditEvent e) {
        append(tx, actor, e, clock.instant());
    }

    /**
     * Appends an entry dated when it happened rather than when it is written (failed sign-ins,
     * which happen before the database can be opened, are written at the next sign-in).
     */
    public void append(DSLContext tx, Actor actor, AuditEvent e, Instant at) {
        Head head = head(tx);
        long seq = head.seq() + 1;
        String when = at.toString();
        String user = actor.isSystem() ? actor.username() : actor.userId();
        requireClean(user, e);
        String hash = hash(prev(head), seq, when, user, e);
        tx.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, Math.toIntExact(seq))
                .set(AUDIT_ENTRY.AT, when)
                .set(AUDIT_ENTRY.USER_ID, user)
                .set(AUDIT_ENTRY.ACTION, e.action())
                .set(AUDIT_ENTRY.ENTITY_TYPE, e.entityType())
                .set(AUDIT_ENTRY.ENTITY_ID, e.entityId())
                .set(AUDIT_ENTRY.OUTCOME, e.outcome().name())
                .set(AUDIT_ENTRY.DETAIL, e.detail())
                .set(AUDIT_ENTRY.PREV_HASH, prev(head))
                .set(AUDIT_ENTRY.HASH, hash)
                .execute();
    }

    private static String prev(Head head) {
        return head.hash();
    }

    /** The chain head as it is now; sync packages carry it so the hub can detect truncation. */
    public static Head head(DSLContext dsl) {
        Record2<Integer, String> r = dsl.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        return Optional.ofNullable(r).map(x -> new Head(x.value1(), x.value2())).orElse(Head.EMPTY);
    }

    private static void requireClean(String user, AuditEvent e) {
        for (String s : new String[] {user, e.action(), e.entityType(), e.entityId(), e.detail()}) {
            if (s != null && (s.indexOf(SEPARATOR) >= 0 || s.indexOf('\u0000') >= 0)) {
                throw new IllegalArgumentException("audit fields must not contain control separators");
            }
        }
    }

    public static String hash(String prev, long seq, String at, String user, AuditEvent e) {
        return hash(sha256(), prev, seq, at, user, e.action(), e.entityType(), e.entityId(), e.outcome().name(),
                e.detail());
    }

    /** The hash of one entry's fields, with a digest the caller may reuse (the verifier hashes millions). */
    static String hash(MessageDigest md, String prev, long seq, String at, String user, String action,
                       String entityType, String entityId, String outcome, String detail) {
        // unit separators keep ("ab","c") and ("a","bc") apart
        String canonical = String.join(String.valueOf(SEPARATOR), prev, Long.toString(seq), at, nullSafe(user), action,
                nullSafe(entityType), nullSafe(entityId), outcome, nullSafe(detail));
        md.reset();
        return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String nullSafe(String s) {
        return s == null ? NULL : s;
    }
}
