package org.itinera.core.audit;

import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.itinera.core.task.ProgressSink;
import org.jooq.DSLContext;

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
        State st = new State();
        // plain JDBC on the read connection: the verifier reads every entry, and materialising a
        // jOOQ record per row cost five times the hashing (AuditVerifyBench)
        Optional<Result> broken = dsl.connectionResult(c -> walk(c, st, md, expected, progress, total));
        if (broken.isPresent()) {
            return broken.get();
        }
        long expectedSeq = st.expectedSeq;
        String previous = st.previous;
        String hashAtExpected = st.hashAtExpected;
        long checked = st.checked;
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

    /** Where the walk stands: the next sequence number expected and the hash it must point at. */
    private static final class State {
        long expectedSeq = 1;
        String previous = AuditLog.GENESIS;
        String hashAtExpected;
        long checked;
    }

    private static Optional<Result> walk(Connection c, State st, MessageDigest md, Optional<AuditLog.Head> expected,
                                         ProgressSink progress, long total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, user_id, action, entity_type, entity_id, outcome, "
                + "detail, prev_hash, hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            long after = 0;
            while (true) {
                // keyset pages rather than one open cursor: a cursor left half-read would pin the
                // reader's snapshot; pages also keep memory flat at a million entries
                ps.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long seq = rs.getLong(1);
                        String hash = rs.getString(10);
                        Optional<Problem> p = check(seq, st.expectedSeq, st.previous, rs.getString(9), md, rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), hash);
                        if (p.isPresent()) {
                            long where = p.get() == Problem.GAP ? st.expectedSeq : seq;
                            return Optional.of(new Result(st.checked, new AuditLog.Head(seq, hash),
                                    Optional.of(new Break(where, p.get()))));
                        }
                        if (expected.isPresent() && seq == expected.get().seq()) {
                            st.hashAtExpected = hash;
                        }
                        st.previous = hash;
                        st.expectedSeq = seq + 1;
                        after = seq;
                        st.checked++;
                    }
                }
                if (rows == 0) {
                    return Optional.empty();
                }
                progress.checkCancelled();
                progress.report(st.checked, total);
            }
        }
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
