package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.ASSISTANCE_PLAN;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.MOVEMENT;
import static org.itinera.schema.jooq.Tables.MOVEMENT_EVENT;

import java.time.LocalDate;
import java.util.Map;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.AssistancePlanRecord;
import org.itinera.schema.jooq.tables.records.CaseFileRecord;
import org.jooq.DSLContext;

/**
 * What a handover at destination does to the case: once everyone who travelled has been handed
 * over, the case is in progress again and, for an assisted voluntary return, a draft reintegration
 * plan is opened for the assistance team.
 */
public final class CaseHandoverRepository {
    /** Currencies of the countries people most often return to; the assistance team can change it. */
    private static final Map<String, String> CURRENCY = Map.ofEntries(
            Map.entry("SEN", "XOF"), Map.entry("MLI", "XOF"), Map.entry("NER", "XOF"), Map.entry("BFA", "XOF"),
            Map.entry("CIV", "XOF"), Map.entry("TGO", "XOF"), Map.entry("BEN", "XOF"), Map.entry("GNB", "XOF"),
            Map.entry("CMR", "XAF"), Map.entry("TCD", "XAF"), Map.entry("CAF", "XAF"), Map.entry("COG", "XAF"),
            Map.entry("GAB", "XAF"), Map.entry("GIN", "GNF"), Map.entry("NGA", "NGN"), Map.entry("GHA", "GHS"),
            Map.entry("GMB", "GMD"), Map.entry("SLE", "SLE"), Map.entry("LBR", "LRD"), Map.entry("MRT", "MRU"),
            Map.entry("SDN", "SDG"), Map.entry("ETH", "ETB"), Map.entry("ERI", "ERN"), Map.entry("COD", "CDF"));

    /** Every movement of the case has arrived (and been handed over) or was cancelled, and at least one arrived. */
    public boolean everyoneHandedOver(DSLContext dsl, String caseId) {
        var arrivedOrCancelled = MOVEMENT.STATUS.in(MovementStatus.ARRIVED.name(), MovementStatus.CANCELLED.name());
        boolean open = dsl.fetchExists(MOVEMENT, MOVEMENT.CASE_ID.eq(caseId).and(MOVEMENT.DELETED.isFalse())
                .and(arrivedOrCancelled.not()));
        boolean notHandedOver = dsl.fetchExists(dsl.selectOne().from(MOVEMENT)
                .where(MOVEMENT.CASE_ID.eq(caseId).and(MOVEMENT.DELETED.isFalse())
                        .and(MOVEMENT.STATUS.eq(MovementStatus.ARRIVED.name()))
                        .andNotExists(dsl.selectOne().from(MOVEMENT_EVENT).where(MOVEMENT_EVENT.MOVEMENT_ID.eq(MOVEMENT.ID)
                                .and(MOVEMENT_EVENT.EVENT_TYPE.eq(MovementEventType.HANDOVER.name()))))));
        boolean anyArrived = dsl.fetchExists(MOVEMENT, MOVEMENT.CASE_ID.eq(caseId).and(MOVEMENT.DELETED.isFalse())
                .and(MOVEMENT.STATUS.eq(MovementStatus.ARRIVED.name())));
        return !open && !notHandedOver && anyArrived;
    }

    /** Moves the case on to assistance; returns true when a draft reintegration plan was opened. */
    public boolean moveToAssistance(WriteTx tx, String caseId, String destinationCountry, LocalDate today) {
        CaseFileRecord c = tx.dsl().selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne();
        if (c == null) {
            return false;
        }
        if ("OPEN".equals(c.getStatus()) || "ON_HOLD".equals(c.getStatus())) {
            c.setStatus("IN_PROGRESS");
            tx.update(c);
        }
        boolean reintegration = "AVRR".equals(c.getCaseType()) || "REPATRIATION".equals(c.getCaseType());
        if (!reintegration || tx.dsl().fetchExists(ASSISTANCE_PLAN, ASSISTANCE_PLAN.CASE_ID.eq(caseId)
                .and(ASSISTANCE_PLAN.DELETED.isFalse()))) {
            return false;
        }
        AssistancePlanRecord plan = tx.newRecord(ASSISTANCE_PLAN);
        plan.setId(tx.ids().next());
        plan.setCaseId(caseId);
        plan.setStatus("DRAFT");
        plan.setDraftedOn(today.toString());
        plan.setCurrency(CURRENCY.getOrDefault(destinationCountry, "USD"));
        tx.insert(plan);
        return true;
    }
}
