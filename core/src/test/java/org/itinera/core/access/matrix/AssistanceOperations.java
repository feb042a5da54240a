package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.itinera.core.access.Permission;
import org.itinera.core.assistance.ComponentDraft;
import org.itinera.core.assistance.DeliveryDraft;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUpDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.assistance.Receipt;
import org.itinera.core.assistance.ReferralDraft;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.SurveyDraft;
import org.itinera.core.assistance.SurveyQuestion;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.testing.AssistanceCases;

/** Reintegration assistance and the case timeline (issue 6): every call acts on a fresh case of the home office's person. */
final class AssistanceOperations {
    private AssistanceOperations() {
    }

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    static String newCase(MatrixFixture f) {
        return AssistanceCases.openCase(f.ws, f.system, f.homePerson, f.homeOffice);
    }

    static Plan approved(MatrixFixture f) {
        return AssistanceCases.approvedPlan(f.ws, f.system, newCase(f));
    }

    static String delivery(MatrixFixture f) {
        Plan p = approved(f);
        return f.ws.assistance().recordDelivery(f.system, new DeliveryDraft(p.id(), p.components().getFirst().id(),
                LocalDate.now(f.clock), DeliveryModality.IN_KIND, "Rice and shelves", null, new Receipt("r.pdf", "application/pdf",
                        new byte[] {'%', 'P', 'D', 'F'}))).id();
    }

    static final List<Operation> LIST = List.of(
            home("AssistanceService.createPlan", Permission.ASSISTANCE_WRITE,
                    (f, a) -> AssistanceCases.plan(f.ws, a, newCase(f))),
            home("AssistanceService.addComponent", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().addComponent(a, AssistanceCases.plan(f.ws, f.system, newCase(f)).id(),
                            new ComponentDraft(PlanCategory.SOCIAL, "School fees", new BigDecimal("25000")))),
            home("AssistanceService.changePlanStatus", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().changePlanStatus(a, AssistanceCases.plan(f.ws, f.system, newCase(f)).id(),
                            PlanStatus.APPROVED)),
            home("AssistanceService.recordDelivery", Permission.ASSISTANCE_WRITE,
                    (f, a) -> {
                        Plan p = approved(f);
                        return f.ws.assistance().recordDelivery(a, new DeliveryDraft(p.id(), null, LocalDate.now(f.clock),
                                DeliveryModality.CASH, "First instalment", new BigDecimal("100000"), null));
                    }),
            home("AssistanceService.receipt", Permission.ASSISTANCE_READ,
                    (f, a) -> f.ws.assistance().receipt(a, delivery(f))),
            home("AssistanceService.refer", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().refer(a, new ReferralDraft(newCase(f), f.partner, "Vocational training", DAY))),
            home("AssistanceService.updateReferral", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().updateReferral(a, f.ws.assistance().refer(f.system,
                                    new ReferralDraft(newCase(f), f.partner, "Vocational training", DAY)).id(),
                            ReferralStatus.ACCEPTED, DAY, "Starts next month")),
            home("AssistanceService.recordFollowUp", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().recordFollowUp(a, new FollowUpDraft(newCase(f), DAY, VisitType.HOME, 7,
                            "Shop open"))),
            home("AssistanceService.recordSurvey", Permission.ASSISTANCE_WRITE,
                    (f, a) -> f.ws.assistance().recordSurvey(a, new SurveyDraft(newCase(f), DAY, 4,
                            Map.of(SurveyQuestion.INFORMED, 5)))),
            home("AssistanceService.overview", Permission.ASSISTANCE_READ,
                    (f, a) -> f.ws.assistance().overview(a, newCase(f))),
            home("TimelineService.ofPerson", Permission.PERSON_READ,
                    (f, a) -> f.ws.timeline().ofPerson(a, f.homePerson)),
            home("TimelineService.ofCase", Permission.CASE_READ,
                    (f, a) -> f.ws.timeline().ofCase(a, newCase(f))),
            home("TimelineService.ofHousehold", Permission.HOUSEHOLD_READ,
                    (f, a) -> f.ws.timeline().ofHousehold(a, f.homeHousehold)));
}
