package org.itinera.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.assistance.ComponentDraft;
import org.itinera.core.assistance.DeliveryDraft;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.FollowUpDraft;
import org.itinera.core.assistance.Plan;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanDraft;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.assistance.ReferralDraft;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.SurveyDraft;
import org.itinera.core.assistance.SurveyQuestion;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.NewConsent;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.timeline.CaseTimeline;
import org.itinera.core.timeline.TimelineItem;
import org.itinera.core.workspace.Workspace;

/**
 * Case-timeline load time for one person with about 200 events (case, consent, movement, a plan,
 * deliveries, referral steps, follow-up visits, surveys) in a database of PERSONS demo persons, read
 * as a caseworker of the person's office (every item's permission is checked). Generates the persons
 * into DIR first when the database holds fewer. Baseline in the same run: the registry's first page.
 * Usage: TimelineBench DIR [PERSONS]
 */
public final class TimelineBench {
    private static final String FAMILY = "Timelinebench";
    /** The shared bench passphrase is refused by today's passphrase policy at first run. */
    private static final String PASSPHRASE = "mangrove kingfishers nest near ziguinchor";

    private static Workspace openOrCreate(Path dir) {
        var inst = BenchSupport.installation(dir);
        if (inst.isInitialised()) {
            return inst.signIn(BenchSupport.USER, PASSPHRASE.toCharArray());
        }
        return inst.initialise(new org.itinera.core.workspace.FirstRun(BenchSupport.USER, "Benchmark",
                PASSPHRASE.toCharArray(), "DKR", "Dakar", "SEN", "en"));
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (Workspace ws = openOrCreate(dir)) {
            int have = ws.persons().count(ws.actor());
            if (have < persons) {
                var s = ws.demoData(2026).generate(ws.actor(), persons - have, ProgressSink.NONE);
                BenchSupport.print(String.format(Locale.ROOT, "generated %,d persons (%,d cases, %,d movements) in %.1f s",
                        s.persons(), s.cases(), s.movements(), s.took().toMillis() / 1000.0));
            }
            String office = ws.currentUser().officeId();
            Actor system = Actor.system("timeline-bench");
            Actor caseworker = ws.users().activeAccount("bench.caseworker").orElseGet(() -> ws.users().create(ws.actor(),
                    new NewUser("bench.caseworker", "Bench Caseworker", office, "en",
                            Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), PASSPHRASE.toCharArray()))
                    .asActor();
            String person = ws.persons().search(ws.actor(), FAMILY, 1).hits().stream().findFirst().map(p -> p.id())
                    .orElseGet(() -> prepare(ws, system, office));
            String caseNo = ws.cases().ofPerson(ws.actor(), person).getFirst().caseNo();

            long t0 = System.nanoTime();
            List<TimelineItem> items = ws.timeline().ofPerson(caseworker, person);
            long first = System.nanoTime() - t0;
            int runs = 30;
            long[] times = new long[runs];
            long[] caseTimes = new long[runs];
            long[] baseline = new long[runs];
            long[] single = new long[runs];
            CaseTimeline ct = null;
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                items = ws.timeline().ofPerson(caseworker, person);
                long a = System.nanoTime() - t;
                t = System.nanoTime();
                ct = ws.timeline().ofCase(caseworker, caseNo);
                long c = System.nanoTime() - t;
                t = System.nanoTime();
                ws.persons().page(caseworker, 0, 200);
                long b = System.nanoTime() - t;
                t = System.nanoTime();
                ws.cases().ofPerson(caseworker, person);
                long one = System.nanoTime() - t;
                if (i >= 3) {
                    times[i - 3] = a;
                    caseTimes[i - 3] = c;
                    baseline[i - 3] = b;
                    single[i - 3] = one;
                }
            }
            BenchSupport.print(String.format(Locale.ROOT, "persons in the database: %,d; timeline items seen by a caseworker: %d (case view: %d)",
                    ws.persons().count(ws.actor()), items.size(), ct.items().size()));
            BenchSupport.print(String.format(Locale.ROOT, "person timeline, first after sign-in: %s; warm: p50 %s, p95 %s, max %s",
                    BenchSupport.ms(first / 1e6), BenchSupport.ms(BenchSupport.percentile(times, 50)),
                    BenchSupport.ms(BenchSupport.percentile(times, 95)), BenchSupport.ms(BenchSupport.percentile(times, 100))));
            BenchSupport.print(String.format(Locale.ROOT, "case show (ofCase by number): p50 %s, p95 %s",
                    BenchSupport.ms(BenchSupport.percentile(caseTimes, 50)), BenchSupport.ms(BenchSupport.percentile(caseTimes, 95))));
            BenchSupport.print(String.format(Locale.ROOT, "baseline, the person's cases (one indexed read): p50 %s, p95 %s",
                    BenchSupport.ms(BenchSupport.percentile(single, 50)), BenchSupport.ms(BenchSupport.percentile(single, 95))));
            BenchSupport.print(String.format(Locale.ROOT, "baseline, registry first page (200 persons) as the same office-scoped caseworker: p50 %s, p95 %s",
                    BenchSupport.ms(BenchSupport.percentile(baseline, 50)), BenchSupport.ms(BenchSupport.percentile(baseline, 95))));
        }
    }

    /** A person with a case and about 200 things that happened to them. */
    private static String prepare(Workspace ws, Actor system, String office) {
        long t = System.nanoTime();
        String person = ws.persons().create(system, new PersonDetails("Aissatou", FAMILY, null, null, null, Sex.F,
                BirthDate.year(1990, false), "GIN", null, null, null, office)).id();
        ws.cases().open(system, new CaseDraft(CaseType.AVRR, person, null, office, "GIN", null));
        String caseId = ws.cases().ofPerson(system, person).getFirst().id();
        LocalDate today = LocalDate.now(ws.clock());
        String partner = ws.consents().partners().getFirst().id();
        ws.consents().record(system, new NewConsent(person, ConsentPurpose.DATA_SHARING, partner, today.minusDays(30),
                ConsentMethod.SIGNED, null, null, null));
        String movement = ws.movements().request(system, new MovementRequest(caseId, List.of(person),
                MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", false)).getFirst();
        ws.movements().transition(system, List.of(movement), MovementStatus.ELIGIBILITY_CHECKED, null, null);
        Plan plan = ws.assistance().createPlan(system, new PlanDraft(caseId, "GNF", null, List.of(
                new ComponentDraft(PlanCategory.ECONOMIC, "Stock", new BigDecimal("9000000")),
                new ComponentDraft(PlanCategory.SOCIAL, "School fees", new BigDecimal("2000000")))));
        ws.assistance().changePlanStatus(system, plan.id(), PlanStatus.APPROVED);
        for (int i = 0; i < 80; i++) {
            ws.assistance().recordDelivery(system, new DeliveryDraft(plan.id(), null, today,
                    i % 2 == 0 ? DeliveryModality.CASH : DeliveryModality.IN_KIND, "Instalment " + i,
                    i % 2 == 0 ? new BigDecimal("50000") : null, null));
        }
        for (int i = 0; i < 20; i++) {
            var r = ws.assistance().refer(system, new ReferralDraft(caseId, partner, "Service " + i, today));
            ws.assistance().updateReferral(system, r.id(), ReferralStatus.ACCEPTED, today, null);
            ws.assistance().updateReferral(system, r.id(), ReferralStatus.SERVICE_DELIVERED, today, "done");
        }
        for (int i = 0; i < 50; i++) {
            ws.assistance().recordFollowUp(system, new FollowUpDraft(caseId, today, VisitType.PHONE, i % 11, null));
        }
        for (int i = 0; i < 4; i++) {
            ws.assistance().recordSurvey(system, new SurveyDraft(caseId, today, 4, Map.of(SurveyQuestion.INFORMED, 5)));
        }
        BenchSupport.print(String.format(Locale.ROOT, "prepared the person's 200 events in %.1f s", (System.nanoTime() - t) / 1e9));
        return person;
    }

    private TimelineBench() {
    }
}
