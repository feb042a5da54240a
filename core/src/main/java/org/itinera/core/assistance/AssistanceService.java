package org.itinera.core.assistance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.assistance.AssistanceRepository.CaseRef;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.consent.ConsentPolicy;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.organisation.PartnerRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Reintegration assistance of a case: plans with budgeted components, deliveries (cash or in kind,
 * with receipts), partner referrals and their life cycle, follow-up visits and satisfaction surveys.
 * The case's office decides who may read ({@link Permission#ASSISTANCE_READ}) and write
 * ({@link Permission#ASSISTANCE_WRITE}); a referral shares the person with a partner, so it needs
 * the person's data-sharing consent for that partner.
 */
public final class AssistanceService {
    public static final int MAX_TEXT = 200;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_SCORE = 10;
    public static final int MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
    public static final Set<String> RECEIPT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    /** Large enough for any plan, small enough that minor units stay far from overflow. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final Store store;
    private final AssistanceRepository repo;
    private final PartnerRepository partners;
    private final ConsentPolicy consent;
    private final AccessPolicy access;
    private final Clock clock;

    public AssistanceService(Store store, AssistanceRepository repo, PartnerRepository partners, ConsentPolicy consent,
                             AccessPolicy access, Clock clock) {
        this.store = store;
        this.repo = repo;
        this.partners = partners;
        this.consent = consent;
        this.access = access;
        this.clock = clock;
    }

    // ---- plans ------------------------------------------------------------------------------

    public Plan createPlan(Actor actor, PlanDraft d) {
        CaseRef c = caseRef(d.caseId());
        access.require(actor, Permission.ASSISTANCE_WRITE, c == null ? null : c.officeId());
        Validator v = new Validator().required("case", d.caseId());
        if (d.caseId() != null && c == null) {
            v.add(FieldError.of("case", "assistance.error.unknownCase"));
        }
        v.required("currency", d.currency());
        if (d.currency() != null && !d.currency().isBlank() && Money.currency(d.currency()).isEmpty()) {
            v.add(FieldError.of("currency", "assistance.error.currency"));
        }
        v.maxLength("notes", d.notes(), MAX_NOTE);
        if (d.components().isEmpty()) {
            v.add(FieldError.of("components", "assistance.error.noComponents"));
        }
        for (int i = 0; i < d.components().size(); i++) {
            validateComponent(v, "components." + i + ".", d.components().get(i), d.currency());
        }
        v.throwIfInvalid();
        String id = store.ids().next();
        LocalDate today = LocalDate.now(clock);
        store.write(actor, AuditEvent.ok("ASSISTANCE_PLAN_CREATE", "case", d.caseId(), "plan=" + id
                + "; components=" + d.components().size()), tx -> {
            repo.insertPlan(tx, id, new PlanDraft(d.caseId(), d.currency(), clean(d.notes()), d.components()), today);
            d.components().forEach(comp -> repo.insertComponent(tx, id, cleaned(comp), d.currency()));
            return null;
        });
        return store.read(dsl -> repo.plan(dsl, id)).orElseThrow();
    }

    /** Adds a component to a plan that has not ended. */
    public Plan addComponent(Actor actor, String planId, ComponentDraft comp) {
        Plan plan = planFor(actor, planId, Permission.ASSISTANCE_WRITE);
        Validator v = new Validator();
        if (plan.status() == PlanStatus.COMPLETED || plan.status() == PlanStatus.CANCELLED) {
            v.add(FieldError.of("plan", "assistance.error.planEnded"));
        }
        validateComponent(v, "", comp, plan.currency());
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("ASSISTANCE_COMPONENT_ADD", "case", plan.caseId(), "plan=" + planId), tx -> {
            repo.insertComponent(tx, planId, cleaned(comp), plan.currency());
            return null;
        });
        return store.read(dsl -> repo.plan(dsl, planId)).orElseThrow();
    }

    /** Approves, starts, completes or cancels a plan, in that order only. */
    public Plan changePlanStatus(Actor actor, String planId, PlanStatus to) {
        Plan plan = planFor(actor, planId, Permission.ASSISTANCE_WRITE);
        Validator v = new Validator().required("status", to == null ? null : to.name());
        if (to != null && !plan.status().next().contains(to)) {
            v.add(FieldError.of("status", "assistance.error.planTransition", label(plan.status()), label(to)));
        }
        if (to == PlanStatus.APPROVED && plan.components().isEmpty()) {
            v.add(FieldError.of("components", "assistance.error.noComponents"));
        }
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("ASSISTANCE_PLAN_STATUS", "case", plan.caseId(), "plan=" + planId + "; "
                + plan.status() + "->" + to), tx -> {
            repo.setPlanStatus(tx, planId, to, LocalDate.now(clock));
            return null;
        });
        return store.read(dsl -> repo.plan(dsl, planId)).orElseThrow();
    }

    // ---- deliveries -------------------------------------------------------------------------

    /**
     * Records assistance handed over under an approved plan (the first delivery starts the plan).
     * Cash needs an amount; in-kind assistance a description, its value optional.
     */
    public Delivery recordDelivery(Actor actor, DeliveryDraft d) {
        Plan plan = planFor(actor, d.planId(), Permission.ASSISTANCE_WRITE);
        LocalDate today = LocalDate.now(clock);
        Validator v = new Validator()
                .required("deliveredOn", d.deliveredOn() == null ? null : d.deliveredOn().toString())
                .notInFuture("deliveredOn", d.deliveredOn(), today)
                .required("modality", d.modality() == null ? null : d.modality().name())
                .required("description", d.description())
                .maxLength("description", clean(d.description()), MAX_TEXT);
        if (!plan.status().acceptsDeliveries()) {
            v.add(FieldError.of("plan", "assistance.error.planNotApproved", label(plan.status())));
        }
        if (d.deliveredOn() != null && d.deliveredOn().isBefore(plan.draftedOn())) {
            v.add(FieldError.of("deliveredOn", "assistance.error.beforePlan"));
        }
        if (d.componentId() != null && plan.components().stream().noneMatch(c -> c.id().equals(d.componentId()))) {
            v.add(FieldError.of("component", "assistance.error.unknownComponent"));
        }
        if (d.amount() == null) {
            if (d.modality() == DeliveryModality.CASH || d.modality() == DeliveryModality.VOUCHER) {
                v.add(FieldError.of("amount", "assistance.error.amountRequired"));
            }
        } else {
            validateAmount(v, "amount", d.amount(), plan.currency(), false);
        }
        if (d.receipt() != null) {
            Receipt r = d.receipt();
            byte[] content = r.content();
            if (content == null || content.length == 0) {
                v.add(FieldError.of("receipt", "assistance.error.receiptEmpty"));
            } else if (content.length > MAX_RECEIPT_BYTES) {
                v.add(FieldError.of("receipt", "assistance.error.receiptTooLarge", MAX_RECEIPT_BYTES / (1024 * 1024)));
            }
            if (r.mimeType() == null || !RECEIPT_TYPES.contains(r.mimeType())) {
                v.add(FieldError.of("receipt", "assistance.error.receiptType"));
            }
            v.maxLength("receipt", r.fileName(), MAX_TEXT);
        }
        v.throwIfInvalid();
        String id = store.ids().next();
        DeliveryDraft clean = new DeliveryDraft(d.planId(), d.componentId(), d.deliveredOn(), d.modality(),
                clean(d.description()), d.amount(), d.receipt());
        store.write(actor, AuditEvent.ok("ASSISTANCE_DELIVERY", "case", plan.caseId(), "plan=" + plan.id()
                + "; delivery=" + id + "; modality=" + d.modality() + (d.receipt() == null ? "" : "; receipt")), tx -> {
            String receiptId = d.receipt() == null ? null : repo.insertReceipt(tx, d.receipt());
            repo.insertDelivery(tx, id, clean, plan.currency(), receiptId, actor.userId());
            if (plan.status() == PlanStatus.APPROVED) {
                repo.setPlanStatus(tx, plan.id(), PlanStatus.IN_PROGRESS, today);
            }
            return null;
        });
        return store.read(dsl -> repo.deliveries(dsl, plan.id())).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** The receipt kept with a delivery; the read is recorded. */
    public java.util.Optional<Receipt> receipt(Actor actor, String deliveryId) {
        String planId = store.read(dsl -> repo.planOfDelivery(dsl, deliveryId)).orElse(null);
        String caseId = planId == null ? null : store.read(dsl -> repo.caseOfPlan(dsl, planId)).orElse(null);
        CaseRef c = caseId == null ? null : caseRef(caseId);
        access.require(actor, Permission.ASSISTANCE_READ, c == null ? null : c.officeId());
        if (c == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<Receipt> r = store.read(dsl -> repo.receipt(dsl, deliveryId));
        store.auditOnly(actor, AuditEvent.ok("ASSISTANCE_RECEIPT_VIEW", "case", c.caseId(), "delivery=" + deliveryId));
        return r;
    }

    // ---- referrals ---------------------------------------------------------------------------

    /** Refers the case's person to a partner: needs their data-sharing consent for that partner today. */
    public Referral refer(Actor actor, ReferralDraft d) {
        CaseRef c = caseRef(d.caseId());
        access.require(actor, Permission.ASSISTANCE_WRITE, c == null ? null : c.officeId());
        Validator v = new Validator().required("case", d.caseId())
                .required("partner", d.partnerId())
                .required("service", d.service())
                .maxLength("service", clean(d.service()), MAX_TEXT)
                .required("sentOn", d.sentOn() == null ? null : d.sentOn().toString())
                .notInFuture("sentOn", d.sentOn(), LocalDate.now(clock));
        if (d.caseId() != null && c == null) {
            v.add(FieldError.of("case", "assistance.error.unknownCase"));
        }
        if (d.partnerId() != null && store.read(dsl -> partners.find(dsl, d.partnerId())).isEmpty()) {
            v.add(FieldError.of("partner", "assistance.error.unknownPartner"));
        }
        v.throwIfInvalid();
        consent.requireConsent(c.personId(), ConsentPurpose.DATA_SHARING, d.partnerId());
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("REFERRAL_SEND", "case", d.caseId(), "referral=" + id + "; partner="
                + d.partnerId()), tx -> {
            repo.insertReferral(tx, id, new ReferralDraft(d.caseId(), d.partnerId(), clean(d.service()), d.sentOn()),
                    c.personId(), actor.userId());
            return null;
        });
        return store.read(dsl -> repo.referral(dsl, id)).orElseThrow();
    }

    /**
     * Moves a referral on (accepted, service delivered, closed, or refused by the partner) with the
     * partner's feedback. A refusal needs the reason as feedback; other moves are refused with the
     * statuses the referral could take instead.
     */
    public Referral updateReferral(Actor actor, String referralId, ReferralStatus to, LocalDate on, String feedback) {
        String caseId = store.read(dsl -> repo.caseOfReferral(dsl, referralId)).orElse(null);
        CaseRef c = caseId == null ? null : caseRef(caseId);
        access.require(actor, Permission.ASSISTANCE_WRITE, c == null ? null : c.officeId());
        Referral r = c == null ? null : store.read(dsl -> repo.referral(dsl, referralId)).orElse(null);
        if (r == null) {
            throw new ValidationException(List.of(FieldError.of("referral", "assistance.error.unknownReferral")));
        }
        String note = clean(feedback);
        Validator v = new Validator().required("status", to == null ? null : to.name())
                .required("statusOn", on == null ? null : on.toString())
                .notInFuture("statusOn", on, LocalDate.now(clock))
                .maxLength("feedback", note, MAX_NOTE);
        if (to != null && !r.status().canBecome(to)) {
            v.add(r.status().isFinal()
                    ? FieldError.of("status", "assistance.error.referralFinal", label(r.status()))
                    : FieldError.of("status", "assistance.error.referralTransition", label(r.status()), label(to),
                            labels(r.status().next())));
        }
        if (on != null && on.isBefore(r.statusOn())) {
            v.add(FieldError.of("statusOn", "assistance.error.beforeLastStep"));
        }
        if (to == ReferralStatus.REFUSED && note == null) {
            v.add(FieldError.of("feedback", "assistance.error.refusalReason"));
        }
        v.throwIfInvalid();
        store.write(actor, AuditEvent.ok("REFERRAL_" + to.name(), "case", r.caseId(), "referral=" + referralId + "; "
                + r.status() + "->" + to), tx -> {
            repo.changeReferral(tx, referralId, to, on, note, actor.userId());
            return null;
        });
        return store.read(dsl -> repo.referral(dsl, referralId)).orElseThrow();
    }

    // ---- follow-ups and surveys ----------------------------------------------------------------

    public FollowUp recordFollowUp(Actor actor, FollowUpDraft d) {
        CaseRef c = caseRef(d.caseId());
        access.require(actor, Permission.ASSISTANCE_WRITE, c == null ? null : c.officeId());
        Validator v = new Validator().required("case", d.caseId())
                .required("visitOn", d.visitOn() == null ? null : d.visitOn().toString())
                .notInFuture("visitOn", d.visitOn(), LocalDate.now(clock))
                .required("visitType", d.visitType() == null ? null : d.visitType().name())
                .check("score", d.sustainabilityScore(), s -> s >= 0 && s <= MAX_SCORE, "assistance.error.score", MAX_SCORE)
                .maxLength("notes", clean(d.notes()), MAX_NOTE);
        if (d.caseId() != null && c == null) {
            v.add(FieldError.of("case", "assistance.error.unknownCase"));
        }
        v.throwIfInvalid();
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("ASSISTANCE_FOLLOW_UP", "case", d.caseId(), "follow_up=" + id), tx -> {
            repo.insertFollowUp(tx, id, d, clean(d.notes()), actor.userId());
            return null;
        });
        return store.read(dsl -> repo.followUps(dsl, d.caseId())).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow();
    }

    public Survey recordSurvey(Actor actor, SurveyDraft d) {
        CaseRef c = caseRef(d.caseId());
        access.require(actor, Permission.ASSISTANCE_WRITE, c == null ? null : c.officeId());
        Validator v = new Validator().required("case", d.caseId())
                .required("surveyedOn", d.surveyedOn() == null ? null : d.surveyedOn().toString())
                .notInFuture("surveyedOn", d.surveyedOn(), LocalDate.now(clock))
                .check("overall", d.overallScore(), s -> s >= 1 && s <= 5, "assistance.error.answer");
        if (d.caseId() != null && c == null) {
            v.add(FieldError.of("case", "assistance.error.unknownCase"));
        }
        d.answers().forEach((q, a) -> v.check("answer." + q.name(), a, x -> x >= 1 && x <= 5, "assistance.error.answer"));
        v.throwIfInvalid();
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("ASSISTANCE_SURVEY", "case", d.caseId(), "survey=" + id), tx -> {
            repo.insertSurvey(tx, id, d);
            return null;
        });
        return store.read(dsl -> repo.surveys(dsl, d.caseId())).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow();
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Plans (with deliveries), referrals, follow-ups and surveys of a case. The read is recorded. */
    public AssistanceOverview overview(Actor actor, String caseId) {
        CaseRef c = caseRef(caseId);
        access.require(actor, Permission.ASSISTANCE_READ, c == null ? null : c.officeId());
        if (c == null) {
            throw new ValidationException(List.of(FieldError.of("case", "assistance.error.unknownCase")));
        }
        AssistanceOverview o = store.read(dsl -> {
            List<Plan> plans = repo.plansOfCase(dsl, caseId);
            Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
            plans.forEach(p -> deliveries.put(p.id(), repo.deliveries(dsl, p.id())));
            return new AssistanceOverview(caseId, plans, deliveries, repo.referralsOfCase(dsl, caseId),
                    repo.followUps(dsl, caseId), repo.surveys(dsl, caseId));
        });
        store.auditOnly(actor, AuditEvent.ok("ASSISTANCE_VIEW", "case", caseId));
        return o;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Plan planFor(Actor actor, String planId, Permission p) {
        String caseId = planId == null ? null : store.read(dsl -> repo.caseOfPlan(dsl, planId)).orElse(null);
        CaseRef c = caseId == null ? null : caseRef(caseId);
        access.require(actor, p, c == null ? null : c.officeId());
        return c == null ? unknownPlan() : store.read(dsl -> repo.plan(dsl, planId)).orElseGet(this::unknownPlan);
    }

    private Plan unknownPlan() {
        throw new ValidationException(List.of(FieldError.of("plan", "assistance.error.unknownPlan")));
    }

    private CaseRef caseRef(String caseId) {
        return caseId == null ? null : store.read(dsl -> repo.caseRef(dsl, caseId)).orElse(null);
    }

    private static void validateComponent(Validator v, String prefix, ComponentDraft c, String currency) {
        v.required(prefix + "category", c.category() == null ? null : c.category().name())
                .required(prefix + "description", c.description())
                .maxLength(prefix + "description", clean(c.description()), MAX_TEXT);
        if (c.budget() == null) {
            v.add(FieldError.of(prefix + "budget", "validation.required"));
        } else {
            validateAmount(v, prefix + "budget", c.budget(), currency, true);
        }
    }

    private static void validateAmount(Validator v, String field, BigDecimal amount, String currency, boolean positive) {
        if (positive ? amount.signum() <= 0 : amount.signum() < 0) {
            v.add(FieldError.of(field, positive ? "assistance.error.amountPositive" : "assistance.error.amountNegative"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            v.add(FieldError.of(field, "assistance.error.amountTooLarge"));
        } else if (Money.currency(currency).isPresent() && !Money.fits(amount, currency)) {
            v.add(Money.digits(currency) == 0 ? FieldError.of(field, "assistance.error.amountWhole", currency)
                    : FieldError.of(field, "assistance.error.amountDigits", currency, Money.digits(currency)));
        }
    }

    private static ComponentDraft cleaned(ComponentDraft c) {
        return new ComponentDraft(c.category(), clean(c.description()), c.budget());
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static UserMessage label(Enum<?> e) {
        return UserMessage.of("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    private static UserMessage labels(Set<? extends Enum<?>> set) {
        // "accepted or refused": the choices, joined by the bundle's own word
        List<? extends Enum<?>> list = set.stream().sorted().toList();
        if (list.size() == 1) {
            return label(list.getFirst());
        }
        return UserMessage.of("assistance.either", label(list.get(0)), label(list.get(1)));
    }
}
