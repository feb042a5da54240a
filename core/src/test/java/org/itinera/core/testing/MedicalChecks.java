package org.itinera.core.testing;

import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;

import org.itinera.core.access.Actor;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.workspace.Workspace;
import org.itinera.schema.jooq.tables.records.FitnessDecisionRecord;
import org.itinera.schema.jooq.tables.records.HealthAssessmentRecord;

/**
 * A pre-departure check for tests, written as the medical module (issue 6) will write it: an
 * assessment with sealed details and the decision "fit with a nurse escort", valid 20–23 Nov 2026.
 */
public final class MedicalChecks {
    private MedicalChecks() {
    }

    public static void fitWithNurse(Workspace ws, Actor actor, String personId) {
        ws.store().write(actor, AuditEvent.ok("TEST_MEDICAL_CHECK", "person", personId), tx -> {
            HealthAssessmentRecord a = tx.newRecord(HEALTH_ASSESSMENT);
            a.setId(tx.ids().next());
            a.setPersonId(personId);
            a.setAssessmentType("PRE_DEPARTURE");
            a.setAssessedOn("2026-11-20");
            a.setDetailsSealed(new byte[] {1, 2, 3});
            tx.insert(a);
            FitnessDecisionRecord d = tx.newRecord(FITNESS_DECISION);
            d.setId(tx.ids().next());
            d.setPersonId(personId);
            d.setAssessmentId(a.getId());
            d.setDecision("FIT_WITH_ESCORT");
            d.setEscortRequired("NURSE");
            d.setValidFrom("2026-11-20");
            d.setValidUntil("2026-11-23");
            d.setDecidedAt("2026-11-20T10:00");
            d.setConditionsSealed(new byte[] {4, 5, 6});
            tx.insert(d);
            return null;
        });
    }
}
