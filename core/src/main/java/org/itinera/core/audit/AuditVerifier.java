package org.itinera.core.audit;

import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.itinera.core.task.ProgressSink;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Walks the audit chain in sequence order and reports the first broken link: a changed field (the
 * entry's hash no longer matches), a deleted or moved entry (a gap, or a previous-hash that does not
 * match the entry before), a field holding a separator character. A chain cut short at the end, or
 * rewritten from some point on, cannot be seen from inside: give the head recorded elsewhere (by the
 * hub, from a sync package) and the verifier checks that this entry is still there, unchanged.
 */
public final class AuditVerifier {
    private static final int PAGE = 10_000;

    public enum Problem {
        /** An entry's fields no longer give its stored hash: the entry was edited. */
        HASH_MISMATCH,
        /** An entry does not point at the hash of the entry before it: entries were removed, moved or edited. */
        PREVIOUS_MISMATCH,
        /** Sequence numbers skip: entries were deleted. */
        GAP,
        /** A field holds a control separator, which a genuine entry never does. */
        INVALID_FIELD,
        /** The chain ends before the head recorded elsewhere: entries at the end were removed. */
        TRUNCATED,
        /** The entry at the recorded head's position has another hash: the chain was rewritten. */
        HEAD_MISMATCH
    }

    /** The first broken link: at which entry (sequence number), and how. */
    public record Break(long seq, Problem problem) {
    }

    public record Result(long entriesChecked, AuditLog.Head head, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** Verifies the chain, page by page in sequence order. */
    public Result verify(DSLContext dsl, Optional<AuditLog.Head> expected, ProgressSink progress) {
        long total = dsl.fetchCount(AUDIT_ENTRY);
        MessageDigest md = AuditLog.sha256();
        long expectedSeq = 1;
        String previous = AuditLog.GENESIS;
        String hashAtExpected = null;
        long checked = 0;
        long after = 0;
        while (true) {
            // keyset pages rather than one open cursor: a cursor left half-read would pin the
            // reader's snapshot; pages also keep memory flat at a million entries
            List<? extends Record> page = dsl.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.USER_ID,
                            AUDIT_ENTRY.ACTION, AUDIT_ENTRY.ENTITY_TYPE, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.OUTCOME,
                            AUDIT_ENTRY.DETAIL, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.HASH)
                    .from(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.gt((int) after)).orderBy(AUDIT_ENTRY.SEQ).limit(PAGE).fetch();
            if (page.isEmpty()) {
                break;
            }
            for (Record r : page) {
                long seq = r.get(0, Long.class);
                String hash = (String) r.get(9);
                Optional<Problem> p = check(seq, expectedSeq, previous, (String) r.get(8), md, (String) r.get(1),
                        (String) r.get(2), (String) r.get(3), (String) r.get(4), (String) r.get(5), (String) r.get(6),
                        (String) r.get(7), hash);
                if (p.isPresent()) {
                    long where = p.get() == Problem.GAP ? expectedSeq : seq;
                    return new Result(checked, new AuditLog.Head(seq, hash), Optional.of(new Break(where, p.get())));
                }
                if (expected.isPresent() && seq == expected.get().seq()) {
                    hashAtExpected = hash;
                }
                previous = hash;
                expectedSeq = seq + 1;
                after = seq;
                checked++;
            }
            progress.checkCancelled();
            progress.report(checked, total);
        }
        AuditLog.Head head = new AuditLog.Head(expectedSeq - 1, previous);
        if (expected.isPresent() && expected.get().seq() > 0) {
            AuditLog.Head e = expected.get();
            if (e.seq() > head.seq()) {
                return new Result(checked, head, Optional.of(new Break(head.seq() + 1, Problem.TRUNCATED)));
            }
            if (!e.hash().equals(hashAtExpected)) {
                return new Result(checked, head, Optional.of(new Break(e.seq(), Problem.HEAD_MISMATCH)));
            }
        }
        return new Result(checked, head, Optional.empty());
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static Optional<Problem> check(long seq, long expectedSeq, String previous, String prevHash,
                                           MessageDigest md, String at, String user, String action, String entityType,
                                           String entityId, String outcome, String detail, String hash) {
        if (seq != expectedSeq) {
            return Optional.of(Problem.GAP);
        }
        if (!previous.equals(prevHash)) {
            return Optional.of(Problem.PREVIOUS_MISMATCH);
        }
        for (String s : new String[] {at, user, action, entityType, entityId, outcome, detail}) {
            if (s != null && (s.indexOf(AuditLog.SEPARATOR) >= 0 || s.indexOf('\u0000') >= 0)) {
                return Optional.of(Problem.INVALID_FIELD);
            }
        }
        if (at == null || action == null || outcome == null
                || !AuditLog.hash(md, prevHash, seq, at, user, action, entityType, entityId, outcome, detail).equals(hash)) {
            return Optional.of(Problem.HASH_MISMATCH);
        }
        return Optional.empty();
    }
}
