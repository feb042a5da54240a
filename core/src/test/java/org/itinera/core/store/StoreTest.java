package org.itinera.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;
import static org.itinera.schema.jooq.Tables.CHANGE_LOG;
import static org.itinera.schema.jooq.Tables.COLUMN_DOT;
import static org.itinera.schema.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.util.List;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.ChangeLogRecord;
import org.itinera.schema.jooq.tables.records.PersonRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void setUp() {
        ws = TestInstallations.firstRun(dir, MutableClock.at("2026-11-23T10:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Person person(String given, String family) {
        return ws.persons().create(ws.actor(), new PersonDetails(given, family, null, null, null, Sex.F,
                BirthDate.year(1990, false), "SEN", null, null, "+221 77 000 00 00", null));
    }

    private List<ChangeLogRecord> changesOf(String rowId) {
        return ws.store().read(dsl -> dsl.selectFrom(CHANGE_LOG).where(CHANGE_LOG.ROW_ID.eq(rowId))
                .orderBy(CHANGE_LOG.COUNTER).fetch());
    }

    @Test
    void anInsertTakesTheNextDotAndItsRecordPointsAtTheRow() {
        long before = ws.store().lastCounter();
        Person p = person("Awa", "Ndiaye");
        List<ChangeLogRecord> changes = changesOf(p.id());
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().getOp()).isEqualTo("INSERT");
        assertThat(changes.getFirst().getCounter()).isEqualTo(before + 1);
        assertThat(changes.getFirst().getPayload()).as("the row is the record until its first update").isNull();
        assertThat(changes.getFirst().getUserId()).isEqualTo(ws.currentUser().id());
        PersonRecord row = ws.store().read(dsl -> dsl.selectFrom(PERSON).where(PERSON.ID.eq(p.id())).fetchOne());
        assertThat(row.getSyncCounter()).isEqualTo(before + 1);
    }

    @Test
    void anUpdateRecordsOnlyTheChangedColumnsAndFirstKeepsTheInsertedValues() {
        Person p = person("Awa", "Ndiaye");
        PersonDetails d = p.details();
        ws.persons().update(ws.actor(), new Person(p.id(), new PersonDetails("Aïda", d.familyName(), null, null, null,
                d.sex(), d.birthDate(), d.nationality(), null, null, d.phone(), null)));
        List<ChangeLogRecord> changes = changesOf(p.id());
        assertThat(changes).extracting(ChangeLogRecord::getOp).containsExactly("INSERT", "UPDATE");
        assertThat(changes.get(0).getPayload()).contains("\"given_name\":\"Awa\"").contains("\"phone\":\"+221 77 000 00 00\"");
        assertThat(changes.get(1).getPayload()).isEqualTo("{\"given_name\":\"Aïda\"}");
        assertThat(changes.get(1).getContext()).contains("\"v\":{");
        var dot = ws.store().read(dsl -> dsl.selectFrom(COLUMN_DOT).where(COLUMN_DOT.ROW_ID.eq(p.id())).fetch());
        assertThat(dot).singleElement().satisfies(c -> {
            assertThat(c.getCol()).isEqualTo("given_name");
            assertThat(c.getCounter()).isEqualTo(changes.get(1).getCounter());
        });
    }

    @Test
    void aFailedTransactionLeavesNoRowNoChangeNoAuditAndReusesNoCounter() {
        long counter = ws.store().lastCounter();
        int audits = ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY));
        int persons = ws.store().read(dsl -> dsl.fetchCount(PERSON));
        assertThatThrownBy(() -> ws.store().write(ws.actor(), AuditEvent.ok("TEST", "person", null), tx -> {
            PersonRecord r = tx.newRecord(PERSON);
            r.setId(tx.ids().next());
            r.setGivenName("Half");
            r.setFamilyName("Written");
            r.setSex("F");
            tx.insert(r);
            tx.dsl(); // flushes the insert into the transaction
            throw new IllegalStateException("disk unplugged");
        })).hasMessage("disk unplugged");
        assertThat(ws.store().lastCounter()).isEqualTo(counter);
        int personsAfter = ws.store().read(dsl -> dsl.fetchCount(PERSON));
        int auditsAfter = ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY));
        int newChanges = ws.store().read(dsl -> dsl.fetchCount(CHANGE_LOG, CHANGE_LOG.COUNTER.gt(counter)));
        assertThat(personsAfter).isEqualTo(persons);
        assertThat(auditsAfter).isEqualTo(audits);
        assertThat(newChanges).isZero();
        Person next = person("After", "Failure");
        assertThat(changesOf(next.id()).getFirst().getCounter()).isEqualTo(counter + 1);
    }

    @Test
    void everyWriteAppendsOneAuditEntryChainedToThePreviousOne() {
        person("Awa", "Ndiaye");
        person("Binta", "Sow");
        var entries = ws.store().read(dsl -> dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetch());
        assertThat(entries.stream().filter(e -> e.getAction().equals("PERSON_CREATE"))).hasSize(2);
        String prev = AuditLog.GENESIS;
        for (var e : entries) {
            assertThat(e.getPrevHash()).isEqualTo(prev);
            prev = e.getHash();
        }
    }

    @Test
    void theCountersOfThisNodeSurviveAReopen() {
        person("Awa", "Ndiaye");
        long counter = ws.store().lastCounter();
        ws.close();
        ws = TestInstallations.installation(dir, MutableClock.at("2026-11-23T11:00:00Z"))
                .signIn(TestInstallations.ADMIN, TestInstallations.PASSPHRASE.toCharArray());
        Person p = person("Binta", "Sow");
        assertThat(changesOf(p.id()).getFirst().getCounter()).isGreaterThan(counter);
    }
}
