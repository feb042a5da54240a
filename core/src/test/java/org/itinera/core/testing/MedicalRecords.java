package org.itinera.core.testing;

import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;

import java.time.LocalDate;
import org.itinera.core.access.Actor;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.FitnessDecisionRecord;

/**
 * Fitness-to-travel decisions as the medical module (issue 6) will record them: decision and
 * validity in the clear, the conditions sealed. For tests of what reads them (the manifest gate).
 */
public final class MedicalRecords {
    private MedicalRecords() {
    }

    /** Records a decision (FIT, FIT_WITH_ESCORT, UNFIT or PENDING) for a person, decided now. */
    public static void fitness(Workspace ws, String personId, String decision, LocalDate validFrom, LocalDate validUntil) {
        ws.store().write(Actor.system("medical-test"), AuditEvent.ok("FITNESS_DECIDE", "person", personId), tx -> {
            FitnessDecisionRecord r = tx.newRecord(FITNESS_DECISION);
            r.setId(tx.ids().next());
            r.setPersonId(personId);
            r.setDecision(decision);
            r.setEscortRequired("FIT_WITH_ESCORT".equals(decision) ? "NURSE" : "NONE");
            r.setValidFrom(validFrom.toString());
            r.setValidUntil(validUntil == null ? null : validUntil.toString());
            r.setDecidedAt(ws.clock().instant().toString());
            r.setConditionsSealed(new byte[] {1, 2, 3});
            tx.insert(r);
            return null;
        });
    }
}
