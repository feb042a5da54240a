package org.itinera.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.itinera.core.access.Actor;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;

/**
 * Tampering with the audit trail is detected: a change to any column of any entry, a deleted
 * entry, two entries swapped, entries cut off the end (against the head recorded elsewhere), a
 * rewritten tail. Each property runs on a fresh real encrypted database with a few dozen entries.
 */
class AuditChainTamperTest {
    static final List<String> COLUMNS = List.of("at", "user_id", "action", "entity_type", "entity_id", "outcome",
            "detail", "prev_hash", "hash");
    static Path dir;
    static Workspace ws;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("itinera-audit");
        ws = TestInstallations.firstRun(dir, MutableClock.at("2026-11-23T10:00:00Z"));
        Actor a = ws.actor();
        for (int i = 0; i < 12; i++) {
            String id = ws.persons().create(a, new PersonDetails("Awa" + i, "Ndiaye", null, null, null, Sex.F,
                    BirthDate.year(1990, false), "SEN", null, null, null, ws.currentUser().officeId())).id();
            ws.persons().open(a, id);
        }
    }

    /** Each try tampers with a copy of the pristine trail, put back afterwards. */
    @BeforeTry
    void keepPristine() {
        sql("CREATE TABLE pristine AS SELECT * FROM audit_entry");
    }

    @AfterTry
    void restorePristine() {
        sql("DELETE FROM audit_entry");
        sql("INSERT INTO audit_entry SELECT * FROM pristine");
        sql("DROP TABLE pristine");
    }

    @AfterContainer
    static void close() throws IOException {
        ws.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<String> columns() {
        return Arbitraries.of(COLUMNS);
    }

    @Property(tries = 25)
    void changingAnyColumnOfAnyEntryIsDetectedAtThatEntry(@ForAll("columns") String column,
                                                          @ForAll @IntRange(min = 1, max = 20) int seq) {
        AuditLog.Head head = ws.audit().head();
        assertThat(verify(Optional.of(head)).intact()).isTrue();
        String newValue = "outcome".equals(column) ? "DENIED" : "tampered";
        sql("UPDATE audit_entry SET " + column + " = ? WHERE seq = ? AND coalesce(" + column + ", '') <> ?", newValue, seq,
                newValue);
        AuditVerifier.Result r = verify(Optional.of(head));
        assertThat(r.intact()).isFalse();
        // editing prev_hash or hash of an entry breaks that entry's link (or the next one's, for hash)
        long expected = "hash".equals(column) ? seq + 1 : seq;
        assertThat(r.firstBreak().orElseThrow().seq()).isIn((long) seq, expected);
    }

    @Property(tries = 10)
    void deletingAnyEntryIsDetected(@ForAll @IntRange(min = 1, max = 20) int seq) {
        sql("DELETE FROM audit_entry WHERE seq = ?", seq);
        AuditVerifier.Result r = verify(Optional.empty());
        assertThat(r.firstBreak().orElseThrow()).isEqualTo(new AuditVerifier.Break(seq, AuditVerifier.Problem.GAP));
    }

    @Property(tries = 10)
    void deletingAnEntryAndRenumberingTheRestIsDetected(@ForAll @IntRange(min = 1, max = 20) int seq) {
        sql("DELETE FROM audit_entry WHERE seq = ?", seq);
        sql("UPDATE audit_entry SET seq = seq - 1 WHERE seq > ?", seq);
        AuditVerifier.Result r = verify(Optional.empty());
        assertThat(r.firstBreak().orElseThrow().seq()).isEqualTo(seq);
        assertThat(r.firstBreak().orElseThrow().problem()).isIn(AuditVerifier.Problem.PREVIOUS_MISMATCH,
                AuditVerifier.Problem.HASH_MISMATCH);
    }

    @Property(tries = 10)
    void swappingTwoEntriesIsDetected(@ForAll @IntRange(min = 1, max = 19) int seq) {
        sql("UPDATE audit_entry SET seq = -1 WHERE seq = ?", seq);
        sql("UPDATE audit_entry SET seq = ? WHERE seq = ?", seq, seq + 1);
        sql("UPDATE audit_entry SET seq = ? WHERE seq = -1", seq + 1);
        AuditVerifier.Result r = verify(Optional.empty());
        assertThat(r.firstBreak().orElseThrow().seq()).isEqualTo(seq);
    }

    @Property(tries = 5)
    void cuttingEntriesOffTheEndIsDetectedAgainstTheRecordedHead(@ForAll @IntRange(min = 1, max = 5) int cut) {
        AuditLog.Head head = ws.audit().head();
        sql("DELETE FROM audit_entry WHERE seq > ?", head.seq() - cut);
        // from inside, a shorter chain looks whole: that is why the head travels to the hub
        assertThat(verify(Optional.empty()).intact()).isTrue();
        AuditVerifier.Result r = verify(Optional.of(head));
        assertThat(r.firstBreak().orElseThrow())
                .isEqualTo(new AuditVerifier.Break(head.seq() - cut + 1, AuditVerifier.Problem.TRUNCATED));
    }

    @Example
    void aTailRewrittenWithFreshHashesIsDetectedAgainstTheRecordedHead() {
        AuditLog.Head head = ws.audit().head();
        long from = head.seq() - 3;
        // recompute a consistent chain from `from` on, with one action changed: only the head tells
        sql("UPDATE audit_entry SET action = 'PERSON_DELETE' WHERE seq = ?", from);
        rehashFrom(from);
        assertThat(verify(Optional.empty()).intact()).isTrue();
        assertThat(verify(Optional.of(head)).firstBreak().orElseThrow())
                .isEqualTo(new AuditVerifier.Break(head.seq(), AuditVerifier.Problem.HEAD_MISMATCH));
    }

    @Example
    void theVerifierCountsEveryEntryOfAnIntactChainAndItsHead() {
        AuditLog.Head head = ws.audit().head();
        AuditVerifier.Result r = verify(Optional.of(head));
        assertThat(r.intact()).isTrue();
        assertThat(r.entriesChecked()).isEqualTo(head.seq());
        assertThat(r.head()).isEqualTo(head);
    }

    @Example
    void anEntryCannotSmuggleTheHashSeparatorIntoAField() {
        assertThatThrownBy(() -> ws.store().auditOnly(ws.actor(), AuditEvent.ok("X", "person", "a\u001fb")))
                .isInstanceOf(IllegalArgumentException.class);
        sql("UPDATE audit_entry SET detail = ? WHERE seq = 3", "x\u001fy");
        assertThat(verify(Optional.empty()).firstBreak().orElseThrow())
                .isEqualTo(new AuditVerifier.Break(3, AuditVerifier.Problem.INVALID_FIELD));
    }

    private AuditVerifier.Result verify(Optional<AuditLog.Head> head) {
        return ws.store().read(dsl -> new AuditVerifier().verify(dsl, head, ProgressSink.NONE));
    }

    private void rehashFrom(long from) {
        String prev = ws.store().read(dsl -> dsl.resultQuery("SELECT prev_hash FROM audit_entry WHERE seq = ?", from)
                .fetchOne(0, String.class));
        long last = ws.audit().head().seq();
        for (long s = from; s <= last; s++) {
            long seq = s;
            org.jooq.Record r = ws.store().read(dsl -> dsl.resultQuery("SELECT * FROM audit_entry WHERE seq = ?", seq).fetchOne());
            String hash = AuditLog.hash(prev, seq, r.get("at", String.class), r.get("user_id", String.class),
                    new AuditEvent(r.get("action", String.class), r.get("entity_type", String.class),
                            r.get("entity_id", String.class), AuditEvent.Outcome.valueOf(r.get("outcome", String.class)),
                            r.get("detail", String.class)));
            sql("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, seq);
            prev = hash;
        }
    }

    /** Tampering as someone with the database key and a SQLite shell would. */
    private static void sql(String sql, Object... args) {
        ws.database().withWriter((c, dsl) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return null;
        });
    }

}
