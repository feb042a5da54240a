package org.itinera.core.assistance;

import static org.itinera.schema.jooq.Tables.ASSISTANCE_DELIVERY;
import static org.itinera.schema.jooq.Tables.ASSISTANCE_PLAN;
import static org.itinera.schema.jooq.Tables.ATTACHMENT;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.FOLLOW_UP;
import static org.itinera.schema.jooq.Tables.PARTNER;
import static org.itinera.schema.jooq.Tables.PLAN_COMPONENT;
import static org.itinera.schema.jooq.Tables.REFERRAL;
import static org.itinera.schema.jooq.Tables.REFERRAL_EVENT;
import static org.itinera.schema.jooq.Tables.SATISFACTION_SURVEY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.AssistanceDeliveryRecord;
import org.itinera.schema.jooq.tables.records.AssistancePlanRecord;
import org.itinera.schema.jooq.tables.records.AttachmentRecord;
import org.itinera.schema.jooq.tables.records.FollowUpRecord;
import org.itinera.schema.jooq.tables.records.PlanComponentRecord;
import org.itinera.schema.jooq.tables.records.ReferralEventRecord;
import org.itinera.schema.jooq.tables.records.ReferralRecord;
import org.itinera.schema.jooq.tables.records.SatisfactionSurveyRecord;
import org.jooq.DSLContext;

/** Plans, components, deliveries, referrals, follow-ups and surveys. Deliveries and referral steps are facts. */
public final class AssistanceRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The case a plan, referral or case id belongs to, with its office and person. */
    public record CaseRef(String caseId, String officeId, String personId, boolean restricted) {
    }

    public Optional<CaseRef> caseRef(DSLContext dsl, String caseId) {
        return dsl.select(CASE_FILE.ID, CASE_FILE.OFFICE_ID, CASE_FILE.PERSON_ID, CASE_FILE.RESTRICTED).from(CASE_FILE)
                .where(CASE_FILE.ID.eq(caseId).and(CASE_FILE.DELETED.isFalse()))
                .fetchOptional(r -> new CaseRef(r.value1(), r.value2(), r.value3(), Boolean.TRUE.equals(r.value4())));
    }

    public Optional<String> caseOfPlan(DSLContext dsl, String planId) {
        return dsl.select(ASSISTANCE_PLAN.CASE_ID).from(ASSISTANCE_PLAN)
                .where(ASSISTANCE_PLAN.ID.eq(planId).and(ASSISTANCE_PLAN.DELETED.isFalse())).fetchOptional(r -> r.value1());
    }

    public Optional<String> caseOfReferral(DSLContext dsl, String referralId) {
        return dsl.select(REFERRAL.CASE_ID).from(REFERRAL)
                .where(REFERRAL.ID.eq(referralId).and(REFERRAL.DELETED.isFalse())).fetchOptional(r -> r.value1());
    }

    // ---- plans ------------------------------------------------------------------------------

    public void insertPlan(WriteTx tx, String id, PlanDraft d, LocalDate today) {
        AssistancePlanRecord r = tx.newRecord(ASSISTANCE_PLAN);
        r.setId(id);
        r.setCaseId(d.caseId());
        r.setStatus(PlanStatus.DRAFT.name());
        r.setDraftedOn(today.toString());
        r.setCurrency(d.currency());
        r.setNotes(d.notes());
        tx.insert(r);
    }

    public void insertComponent(WriteTx tx, String planId, ComponentDraft c, String currency) {
        PlanComponentRecord r = tx.newRecord(PLAN_COMPONENT);
        r.setId(tx.ids().next());
        r.setPlanId(planId);
        r.setCategory(c.category().name());
        r.setDescription(c.description());
        r.setBudgetMinor(Money.toMinor(c.budget(), currency));
        r.setCurrency(currency);
        tx.insert(r);
    }

    public void setPlanStatus(WriteTx tx, String planId, PlanStatus status, LocalDate on) {
        AssistancePlanRecord r = tx.dsl().selectFrom(ASSISTANCE_PLAN).where(ASSISTANCE_PLAN.ID.eq(planId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no plan " + planId);
        }
        r.setStatus(status.name());
        if (status == PlanStatus.APPROVED) {
            r.setApprovedOn(on.toString());
        }
        tx.update(r);
    }

    public Optional<Plan> plan(DSLContext dsl, String planId) {
        return dsl.selectFrom(ASSISTANCE_PLAN).where(ASSISTANCE_PLAN.ID.eq(planId).and(ASSISTANCE_PLAN.DELETED.isFalse()))
                .fetchOptional().map(r -> plan(r, components(dsl, List.of(r.getId())).getOrDefault(r.getId(), List.of())));
    }

    public List<Plan> plansOfCase(DSLContext dsl, String caseId) {
        List<AssistancePlanRecord> rows = dsl.selectFrom(ASSISTANCE_PLAN)
                .where(ASSISTANCE_PLAN.CASE_ID.eq(caseId).and(ASSISTANCE_PLAN.DELETED.isFalse()))
                .orderBy(ASSISTANCE_PLAN.DRAFTED_ON.desc(), ASSISTANCE_PLAN.ID.desc()).fetch();
        Map<String, List<PlanComponent>> comps = components(dsl, rows.stream().map(AssistancePlanRecord::getId).toList());
        return rows.stream().map(r -> plan(r, comps.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static Map<String, List<PlanComponent>> components(DSLContext dsl, List<String> planIds) {
        Map<String, List<PlanComponent>> out = new LinkedHashMap<>();
        if (planIds.isEmpty()) {
            return out;
        }
        dsl.selectFrom(PLAN_COMPONENT).where(PLAN_COMPONENT.PLAN_ID.in(planIds).and(PLAN_COMPONENT.DELETED.isFalse()))
                .orderBy(PLAN_COMPONENT.ID).fetch()
                .forEach(r -> out.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(new PlanComponent(r.getId(),
                        r.getPlanId(), PlanCategory.valueOf(r.getCategory()), r.getDescription(), r.getBudgetMinor(),
                        r.getCurrency())));
        return out;
    }

    private static Plan plan(AssistancePlanRecord r, List<PlanComponent> components) {
        return new Plan(r.getId(), r.getCaseId(), PlanStatus.valueOf(r.getStatus()), LocalDate.parse(r.getDraftedOn()),
                date(r.getApprovedOn()), r.getCurrency(), Optional.ofNullable(r.getNotes()), components);
    }

    // ---- deliveries -------------------------------------------------------------------------

    /** Keeps a receipt as an attachment and returns its id. */
    public String insertReceipt(WriteTx tx, Receipt receipt) {
        AttachmentRecord a = tx.newRecord(ATTACHMENT);
        String id = tx.ids().next();
        byte[] content = receipt.content();
        a.setId(id);
        a.setSha256(sha256(content));
        a.setMimeType(receipt.mimeType());
        a.setSizeBytes((long) content.length);
        a.setFileName(receipt.fileName());
        a.setContent(content);
        tx.insert(a);
        return id;
    }

    public void insertDelivery(WriteTx tx, String id, DeliveryDraft d, String currency, String receiptId, String by) {
        AssistanceDeliveryRecord r = tx.newRecord(ASSISTANCE_DELIVERY);
        r.setId(id);
        r.setPlanId(d.planId());
        r.setComponentId(d.componentId());
        r.setDeliveredOn(d.deliveredOn().toString());
        r.setModality(d.modality().name());
        r.setDescription(d.description());
        r.setAmountMinor(d.amount() == null ? 0L : Money.toMinor(d.amount(), currency));
        r.setCurrency(currency);
        r.setReceiptId(receiptId);
        r.setDeliveredBy(by);
        tx.insert(r);
    }

    public List<Delivery> deliveries(DSLContext dsl, String planId) {
        return dsl.selectFrom(ASSISTANCE_DELIVERY)
                .where(ASSISTANCE_DELIVERY.PLAN_ID.eq(planId).and(ASSISTANCE_DELIVERY.DELETED.isFalse()))
                .orderBy(ASSISTANCE_DELIVERY.DELIVERED_ON.desc(), ASSISTANCE_DELIVERY.ID.desc())
                .fetch(r -> new Delivery(r.getId(), r.getPlanId(), Optional.ofNullable(r.getComponentId()),
                        LocalDate.parse(r.getDeliveredOn()), DeliveryModality.valueOf(r.getModality()), r.getDescription(),
                        r.getAmountMinor(), r.getCurrency(), Optional.ofNullable(r.getReceiptId()),
                        Optional.ofNullable(r.getDeliveredBy())));
    }

    public Optional<Receipt> receipt(DSLContext dsl, String deliveryId) {
        return dsl.select(ATTACHMENT.FILE_NAME, ATTACHMENT.MIME_TYPE, ATTACHMENT.CONTENT).from(ASSISTANCE_DELIVERY)
                .join(ATTACHMENT).on(ATTACHMENT.ID.eq(ASSISTANCE_DELIVERY.RECEIPT_ID))
                .where(ASSISTANCE_DELIVERY.ID.eq(deliveryId).and(ATTACHMENT.DELETED.isFalse()))
                .fetchOptional(r -> new Receipt(r.value1(), r.value2(), r.value3()));
    }

    public Optional<String> planOfDelivery(DSLContext dsl, String deliveryId) {
        return dsl.select(ASSISTANCE_DELIVERY.PLAN_ID).from(ASSISTANCE_DELIVERY)
                .where(ASSISTANCE_DELIVERY.ID.eq(deliveryId).and(ASSISTANCE_DELIVERY.DELETED.isFalse()))
                .fetchOptional(r -> r.value1());
    }

    // ---- referrals ---------------------------------------------------------------------------

    public void insertReferral(WriteTx tx, String id, ReferralDraft d, String personId, String by) {
        ReferralRecord r = tx.newRecord(REFERRAL);
        r.setId(id);
        r.setCaseId(d.caseId());
        r.setPersonId(personId);
        r.setPartnerId(d.partnerId());
        r.setService(d.service());
        r.setStatus(ReferralStatus.SENT.name());
        r.setSentOn(d.sentOn().toString());
        r.setStatusOn(d.sentOn().toString());
        tx.insert(r);
        insertStep(tx, id, null, ReferralStatus.SENT, d.sentOn(), null, by);
    }

    public void changeReferral(WriteTx tx, String id, ReferralStatus to, LocalDate on, String feedback, String by) {
        ReferralRecord r = tx.dsl().selectFrom(REFERRAL).where(REFERRAL.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no referral " + id);
        }
        ReferralStatus from = ReferralStatus.valueOf(r.getStatus());
        r.setStatus(to.name());
        r.setStatusOn(on.toString());
        if (feedback != null) {
            r.setFeedback(feedback);
        }
        tx.update(r);
        insertStep(tx, id, from, to, on, feedback, by);
    }

    private static void insertStep(WriteTx tx, String referralId, ReferralStatus from, ReferralStatus to, LocalDate on,
                                   String feedback, String by) {
        ReferralEventRecord e = tx.newRecord(REFERRAL_EVENT);
        e.setId(tx.ids().next());
        e.setReferralId(referralId);
        e.setFromStatus(from == null ? null : from.name());
        e.setToStatus(to.name());
        e.setOccurredOn(on.toString());
        e.setFeedback(feedback);
        e.setUserId(by);
        tx.insert(e);
    }

    public Optional<Referral> referral(DSLContext dsl, String id) {
        return referrals(dsl, REFERRAL.ID.eq(id)).stream().findFirst();
    }

    public List<Referral> referralsOfCase(DSLContext dsl, String caseId) {
        return referrals(dsl, REFERRAL.CASE_ID.eq(caseId));
    }

    private static List<Referral> referrals(DSLContext dsl, org.jooq.Condition where) {
        var rows = dsl.select(REFERRAL.fields()).select(PARTNER.NAME).from(REFERRAL).join(PARTNER)
                .on(PARTNER.ID.eq(REFERRAL.PARTNER_ID)).where(where.and(REFERRAL.DELETED.isFalse()))
                .orderBy(REFERRAL.SENT_ON.desc(), REFERRAL.ID.desc()).fetch();
        List<String> ids = rows.map(r -> r.get(REFERRAL.ID));
        Map<String, List<Referral.Step>> steps = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            dsl.selectFrom(REFERRAL_EVENT).where(REFERRAL_EVENT.REFERRAL_ID.in(ids).and(REFERRAL_EVENT.DELETED.isFalse()))
                    .orderBy(REFERRAL_EVENT.OCCURRED_ON, REFERRAL_EVENT.ID).fetch()
                    .forEach(e -> steps.computeIfAbsent(e.getReferralId(), k -> new ArrayList<>()).add(new Referral.Step(
                            e.getFromStatus() == null ? null : ReferralStatus.valueOf(e.getFromStatus()),
                            ReferralStatus.valueOf(e.getToStatus()), LocalDate.parse(e.getOccurredOn()),
                            Optional.ofNullable(e.getFeedback()))));
        }
        return rows.map(r -> new Referral(r.get(REFERRAL.ID), r.get(REFERRAL.CASE_ID), r.get(REFERRAL.PERSON_ID),
                r.get(REFERRAL.PARTNER_ID), r.get(PARTNER.NAME), r.get(REFERRAL.SERVICE),
                ReferralStatus.valueOf(r.get(REFERRAL.STATUS)), LocalDate.parse(r.get(REFERRAL.SENT_ON)),
                LocalDate.parse(r.get(REFERRAL.STATUS_ON)), Optional.ofNullable(r.get(REFERRAL.FEEDBACK)),
                steps.getOrDefault(r.get(REFERRAL.ID), List.of())));
    }

    // ---- follow-ups and surveys ----------------------------------------------------------------

    public void insertFollowUp(WriteTx tx, String id, FollowUpDraft d, String notes, String by) {
        FollowUpRecord r = tx.newRecord(FOLLOW_UP);
        r.setId(id);
        r.setCaseId(d.caseId());
        r.setVisitOn(d.visitOn().toString());
        r.setVisitType(d.visitType().name());
        r.setSustainabilityScore(d.sustainabilityScore());
        r.setNotes(notes);
        r.setVisitedBy(by);
        tx.insert(r);
    }

    public List<FollowUp> followUps(DSLContext dsl, String caseId) {
        return dsl.selectFrom(FOLLOW_UP).where(FOLLOW_UP.CASE_ID.eq(caseId).and(FOLLOW_UP.DELETED.isFalse()))
                .orderBy(FOLLOW_UP.VISIT_ON.desc(), FOLLOW_UP.ID.desc())
                .fetch(r -> new FollowUp(r.getId(), r.getCaseId(), LocalDate.parse(r.getVisitOn()),
                        VisitType.valueOf(r.getVisitType()), Optional.ofNullable(r.getSustainabilityScore()),
                        Optional.ofNullable(r.getNotes()), Optional.ofNullable(r.getVisitedBy())));
    }

    public void insertSurvey(WriteTx tx, String id, SurveyDraft d) {
        SatisfactionSurveyRecord r = tx.newRecord(SATISFACTION_SURVEY);
        r.setId(id);
        r.setCaseId(d.caseId());
        r.setSurveyedOn(d.surveyedOn().toString());
        r.setOverallScore(d.overallScore());
        Map<String, Integer> answers = new TreeMap<>();
        d.answers().forEach((q, a) -> answers.put(q.name(), a));
        try {
            r.setAnswers(answers.isEmpty() ? null : JSON.writeValueAsString(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tx.insert(r);
    }

    public List<Survey> surveys(DSLContext dsl, String caseId) {
        return dsl.selectFrom(SATISFACTION_SURVEY)
                .where(SATISFACTION_SURVEY.CASE_ID.eq(caseId).and(SATISFACTION_SURVEY.DELETED.isFalse()))
                .orderBy(SATISFACTION_SURVEY.SURVEYED_ON.desc(), SATISFACTION_SURVEY.ID.desc())
                .fetch(r -> new Survey(r.getId(), r.getCaseId(), LocalDate.parse(r.getSurveyedOn()), r.getOverallScore(),
                        answers(r.getAnswers())));
    }

    private static Map<SurveyQuestion, Integer> answers(String json) {
        Map<SurveyQuestion, Integer> out = new EnumMap<>(SurveyQuestion.class);
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            Map<String, Integer> raw = JSON.readValue(json, new TypeReference<Map<String, Integer>>() { });
            raw.forEach((k, v) -> {
                for (SurveyQuestion q : SurveyQuestion.values()) {
                    if (q.name().equals(k) && v != null) {
                        out.put(q, v);
                    }
                }
            });
        } catch (JsonProcessingException e) {
            // an answer set written by a newer version: show what can be read
        }
        return out;
    }

    private static Optional<LocalDate> date(String s) {
        return s == null ? Optional.empty() : Optional.of(LocalDate.parse(s));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
