package org.itinera.core.testing;

import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.math.BigDecimal;
import java.util.List;
import org.itinera.core.access.Actor;
import org.itinera.core.assistance.ComponentDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanDraft;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.workspace.Workspace;

/** Cases and plans for assistance tests. */
public final class AssistanceCases {
    private AssistanceCases() {
    }

    /** Opens an AVRR case for the person in the office and returns the case id. */
    public static String openCase(Workspace ws, Actor actor, String personId, String officeId) {
        String caseNo = ws.cases().open(actor, new CaseDraft(CaseType.AVRR, personId, null, officeId, "GIN", null));
        return ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo))
                .fetchOne(CASE_FILE.ID));
    }

    /** A plan of two components (a shop: 450,000 XOF; counselling: 60,000 XOF). */
    public static Plan plan(Workspace ws, Actor actor, String caseId) {
        return ws.assistance().createPlan(actor, new PlanDraft(caseId, "XOF", "small shop in Kindia", List.of(
                new ComponentDraft(PlanCategory.ECONOMIC, "Grocery stock and shelves", new BigDecimal("450000")),
                new ComponentDraft(PlanCategory.PSYCHOSOCIAL, "Counselling sessions", new BigDecimal("60000")))));
    }

    public static Plan approvedPlan(Workspace ws, Actor actor, String caseId) {
        return ws.assistance().changePlanStatus(actor, plan(ws, actor, caseId).id(), PlanStatus.APPROVED);
    }
}
