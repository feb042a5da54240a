package org.itinera.core.assistance;

import java.util.List;
import java.util.Map;

/** Everything the assistance team keeps for one case. */
public record AssistanceOverview(String caseId, List<Plan> plans, Map<String, List<Delivery>> deliveriesByPlan,
                                 List<Referral> referrals, List<FollowUp> followUps, List<Survey> surveys) {
    public AssistanceOverview {
        plans = List.copyOf(plans);
        deliveriesByPlan = Map.copyOf(deliveriesByPlan);
        referrals = List.copyOf(referrals);
        followUps = List.copyOf(followUps);
        surveys = List.copyOf(surveys);
    }

    public List<Delivery> deliveries(String planId) {
        return deliveriesByPlan.getOrDefault(planId, List.of());
    }
}
