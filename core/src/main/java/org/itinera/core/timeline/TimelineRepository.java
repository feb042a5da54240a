package org.itinera.core.timeline;

import static org.itinera.schema.jooq.Tables.ASSISTANCE_DELIVERY;
import static org.itinera.schema.jooq.Tables.ASSISTANCE_PLAN;
import static org.itinera.schema.jooq.Tables.BOOKING;
import static org.itinera.schema.jooq.Tables.BOOKING_PASSENGER;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.CONSENT;
import static org.itinera.schema.jooq.Tables.FITNESS_DECISION;
import static org.itinera.schema.jooq.Tables.FOLLOW_UP;
import static org.itinera.schema.jooq.Tables.HEALTH_ASSESSMENT;
import static org.itinera.schema.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.itinera.schema.jooq.Tables.MANIFEST;
import static org.itinera.schema.jooq.Tables.MANIFEST_PASSENGER;
import static org.itinera.schema.jooq.Tables.MEDICAL_REFERRAL;
import static org.itinera.schema.jooq.Tables.MOVEMENT;
import static org.itinera.schema.jooq.Tables.MOVEMENT_EVENT;
import static org.itinera.schema.jooq.Tables.OFFICE;
import static org.itinera.schema.jooq.Tables.PARTNER;
import static org.itinera.schema.jooq.Tables.PERSON;
import static org.itinera.schema.jooq.Tables.REFERRAL;
import static org.itinera.schema.jooq.Tables.REFERRAL_EVENT;
import static org.itinera.schema.jooq.Tables.SATISFACTION_SURVEY;
import static org.itinera.schema.jooq.Tables.VULNERABILITY_SCREENING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.core.assistance.Money;
import org.itinera.core.i18n.UserMessage;
import org.jooq.DSLContext;

/**
 * Reads everything that happened to some persons from the tables of every module, as candidate
 * rows with the office that governs each. Selects only what a timeline line says: never a sealed
 * medical column, never a screening's flags or notes.
 */
public final class TimelineRepository {
    /** The office of each person, for person-level items (consent, health, screenings). */
    public Map<String, String> personOffices(DSLContext dsl, Collection<String> personIds) {
        Map<String, String> out = new HashMap<>();
        dsl.select(PERSON.ID, PERSON.OFFICE_ID).from(PERSON).where(PERSON.ID.in(personIds))
                .forEach(r -> out.put(r.value1(), r.value2() == null ? "" : r.value2()));
        return out;
    }

    public List<String> householdMembers(DSLContext dsl, String householdId) {
        return dsl.select(HOUSEHOLD_MEMBER.PERSON_ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(householdId).and(HOUSEHOLD_MEMBER.DELETED.isFalse()))
                .fetch(r -> r.value1());
    }

    /** A case by id or case number, with its person's name and its office's name. */
    public java.util.Optional<CaseTimeline> findCase(DSLContext dsl, String idOrNumber) {
        return dsl.select(CASE_FILE.ID, CASE_FILE.CASE_NO, CASE_FILE.CASE_TYPE, CASE_FILE.STATUS, CASE_FILE.PERSON_ID,
                        PERSON.GIVEN_NAME, PERSON.FAMILY_NAME, CASE_FILE.OPENED_ON, CASE_FILE.OFFICE_ID, OFFICE.NAME)
                .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .leftJoin(OFFICE).on(OFFICE.ID.eq(CASE_FILE.OFFICE_ID))
                .where(CASE_FILE.DELETED.isFalse().and(CASE_FILE.ID.eq(idOrNumber).or(CASE_FILE.CASE_NO.eq(idOrNumber))))
                .limit(1)
                .fetchOptional(r -> new CaseTimeline(new org.itinera.core.casefile.CaseSummary(r.value1(), r.value2(),
                        org.itinera.core.casefile.CaseType.valueOf(r.value3()),
                        org.itinera.core.casefile.CaseStatus.valueOf(r.value4()), r.value5(), r.value6() + " " + r.value7(),
                        r.value8(), r.value9()), nz(r.value10()), List.of()));
    }

    private record CaseInfo(String personId, String officeId, boolean restricted, String owner) {
    }

    public List<TimelineRow> rows(DSLContext dsl, Collection<String> personIds) {
        Map<String, String> personOffice = personOffices(dsl, personIds);
        List<TimelineRow> out = new ArrayList<>();
        Map<String, CaseInfo> cases = new HashMap<>();

        var households = dsl.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.PERSON_ID.in(personIds).and(HOUSEHOLD_MEMBER.DELETED.isFalse()));
        dsl.select(CASE_FILE.ID, CASE_FILE.CASE_NO, CASE_FILE.CASE_TYPE, CASE_FILE.PERSON_ID, CASE_FILE.OFFICE_ID,
                        CASE_FILE.RESTRICTED, CASE_FILE.OWNER_USER_ID, CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON)
                .from(CASE_FILE)
                .where(CASE_FILE.DELETED.isFalse().and(CASE_FILE.PERSON_ID.in(personIds)
                        .or(CASE_FILE.HOUSEHOLD_ID.in(households))))
                .forEach(r -> {
                    String person = personIds.contains(r.value4()) ? r.value4() : personIds.iterator().next();
                    CaseInfo c = new CaseInfo(person, nz(r.value5()), Boolean.TRUE.equals(r.value6()), r.value7());
                    cases.put(r.value1(), c);
                    out.add(caseRow(r.value8(), TimelineKind.CASE, c, r.value1(), r.value1(), "timeline.case.opened",
                            r.value2(), label("enum.CaseType.", r.value3())));
                    if (r.value9() != null) {
                        out.add(caseRow(r.value9(), TimelineKind.CASE, c, r.value1(), r.value1() + ":closed",
                                "timeline.case.closed", r.value2()));
                    }
                });
        Set<String> caseIds = cases.keySet();

        dsl.select(CONSENT.ID, CONSENT.PERSON_ID, CONSENT.PURPOSE, CONSENT.GIVEN_ON, CONSENT.WITHDRAWN_ON, PARTNER.NAME)
                .from(CONSENT).leftJoin(PARTNER).on(PARTNER.ID.eq(CONSENT.PARTNER_ID))
                .where(CONSENT.PERSON_ID.in(personIds).and(CONSENT.DELETED.isFalse()))
                .forEach(r -> {
                    Object purpose = label("enum.ConsentPurpose.", r.value3());
                    String partner = nz(r.value6());
                    out.add(personRow(r.value4(), TimelineKind.CONSENT, r.value2(), personOffice, r.value1(),
                            "timeline.consent.given", purpose, partner));
                    if (r.value5() != null) {
                        out.add(personRow(r.value5(), TimelineKind.CONSENT, r.value2(), personOffice, r.value1() + ":withdrawn",
                                "timeline.consent.withdrawn", purpose, partner));
                    }
                });

        dsl.select(VULNERABILITY_SCREENING.ID, VULNERABILITY_SCREENING.PERSON_ID, VULNERABILITY_SCREENING.CASE_ID,
                        VULNERABILITY_SCREENING.SCREENED_ON, VULNERABILITY_SCREENING.RISK_LEVEL,
                        VULNERABILITY_SCREENING.RESTRICTED, VULNERABILITY_SCREENING.SCREENED_BY)
                .from(VULNERABILITY_SCREENING)
                .where(VULNERABILITY_SCREENING.PERSON_ID.in(personIds).and(VULNERABILITY_SCREENING.DELETED.isFalse()))
                .forEach(r -> out.add(new TimelineRow(r.value4(), TimelineKind.SCREENING, r.value2(), r.value3(),
                        personOffice.getOrDefault(r.value2(), ""), Boolean.TRUE.equals(r.value6()), r.value7(), r.value1(),
                        "timeline.screening", List.of(label("timeline.risk.", r.value5())))));

        // movements and their events, bookings and manifests
        Map<String, CaseInfo> movements = new HashMap<>();
        dsl.select(MOVEMENT.ID, MOVEMENT.PERSON_ID, MOVEMENT.CASE_ID, MOVEMENT.OFFICE_ID, MOVEMENT.REQUESTED_ON,
                        MOVEMENT.DESTINATION_COUNTRY, MOVEMENT.MOVEMENT_TYPE)
                .from(MOVEMENT).where(MOVEMENT.PERSON_ID.in(personIds).and(MOVEMENT.DELETED.isFalse()))
                .forEach(r -> {
                    CaseInfo c = cases.get(r.value3());
                    CaseInfo m = new CaseInfo(r.value2(), r.value4() != null ? r.value4() : c == null ? "" : c.officeId(),
                            c != null && c.restricted(), c == null ? null : c.owner());
                    movements.put(r.value1(), m);
                    out.add(caseRow(r.value5(), TimelineKind.MOVEMENT, m, r.value3(), r.value1(), "timeline.movement.requested",
                            label("timeline.movementType.", r.value7()), r.value6()));
                });
        Map<String, String> caseOfMovement = new HashMap<>();
        dsl.select(MOVEMENT.ID, MOVEMENT.CASE_ID).from(MOVEMENT).where(MOVEMENT.ID.in(movements.keySet()))
                .forEach(r -> caseOfMovement.put(r.value1(), r.value2()));
        if (!movements.isEmpty()) {
            dsl.select(MOVEMENT_EVENT.ID, MOVEMENT_EVENT.MOVEMENT_ID, MOVEMENT_EVENT.EVENT_TYPE, MOVEMENT_EVENT.FROM_STATUS,
                            MOVEMENT_EVENT.TO_STATUS, MOVEMENT_EVENT.PLACE, MOVEMENT_EVENT.OCCURRED_AT)
                    .from(MOVEMENT_EVENT)
                    .where(MOVEMENT_EVENT.MOVEMENT_ID.in(movements.keySet()).and(MOVEMENT_EVENT.DELETED.isFalse()))
                    .forEach(r -> {
                        CaseInfo m = movements.get(r.value2());
                        boolean transition = "TRANSITION".equals(r.value3());
                        out.add(caseRow(r.value7(), TimelineKind.MOVEMENT, m, caseOfMovement.get(r.value2()), r.value1(),
                                transition ? "timeline.movement.transition" : "timeline.movement.event",
                                transition ? label("enum.MovementStatus.", r.value4()) : label("enum.MovementEventType.", r.value3()),
                                transition ? label("enum.MovementStatus.", r.value5()) : nz(r.value6())));
                    });
            dsl.select(BOOKING_PASSENGER.ID, BOOKING_PASSENGER.MOVEMENT_ID, BOOKING.BOOKED_ON, BOOKING.REFERENCE,
                            BOOKING.STATUS)
                    .from(BOOKING_PASSENGER).join(BOOKING).on(BOOKING.ID.eq(BOOKING_PASSENGER.BOOKING_ID))
                    .where(BOOKING_PASSENGER.MOVEMENT_ID.in(movements.keySet()).and(BOOKING_PASSENGER.DELETED.isFalse()))
                    .forEach(r -> out.add(caseRow(r.value3(), TimelineKind.BOOKING, movements.get(r.value2()),
                            caseOfMovement.get(r.value2()), r.value1(), "timeline.booking", nz(r.value4()),
                            label("enum.BookingStatus.", r.value5()))));
            dsl.select(MANIFEST_PASSENGER.ID, MANIFEST_PASSENGER.MOVEMENT_ID, MANIFEST.DEPARTURE_DATE, MANIFEST.MANIFEST_NO,
                            MANIFEST.CARRIER, MANIFEST.SERVICE_NO, MANIFEST.FROM_PLACE, MANIFEST.TO_PLACE,
                            MANIFEST_PASSENGER.STATUS)
                    .from(MANIFEST_PASSENGER).join(MANIFEST).on(MANIFEST.ID.eq(MANIFEST_PASSENGER.MANIFEST_ID))
                    .where(MANIFEST_PASSENGER.MOVEMENT_ID.in(movements.keySet()).and(MANIFEST_PASSENGER.DELETED.isFalse()))
                    .forEach(r -> out.add(caseRow(r.value3(), TimelineKind.MANIFEST, movements.get(r.value2()),
                            caseOfMovement.get(r.value2()), r.value1(), "timeline.manifest", r.value4(),
                            r.value5() + " " + r.value6(), r.value7(), r.value8(), label("enum.PassengerStatus.", r.value9()))));
        }

        // health: the decision for whoever may know it, the fact of an assessment or referral for medical staff
        dsl.select(FITNESS_DECISION.ID, FITNESS_DECISION.PERSON_ID, FITNESS_DECISION.DECISION, FITNESS_DECISION.DECIDED_AT,
                        FITNESS_DECISION.VALID_UNTIL)
                .from(FITNESS_DECISION)
                .where(FITNESS_DECISION.PERSON_ID.in(personIds).and(FITNESS_DECISION.DELETED.isFalse()))
                .forEach(r -> out.add(personRow(r.value4(), TimelineKind.FITNESS, r.value2(), personOffice, r.value1(),
                        r.value5() == null ? "timeline.fitness" : "timeline.fitness.until", label("enum.Fitness.", r.value3()),
                        nz(r.value5()))));
        dsl.select(HEALTH_ASSESSMENT.ID, HEALTH_ASSESSMENT.PERSON_ID, HEALTH_ASSESSMENT.ASSESSED_ON,
                        HEALTH_ASSESSMENT.ASSESSMENT_TYPE)
                .from(HEALTH_ASSESSMENT)
                .where(HEALTH_ASSESSMENT.PERSON_ID.in(personIds).and(HEALTH_ASSESSMENT.DELETED.isFalse()))
                .forEach(r -> out.add(personRow(r.value3(), TimelineKind.MEDICAL, r.value2(), personOffice, r.value1(),
                        "timeline.medical.assessment", label("timeline.assessment.", r.value4()))));
        dsl.select(MEDICAL_REFERRAL.ID, MEDICAL_REFERRAL.PERSON_ID, MEDICAL_REFERRAL.REFERRED_ON, MEDICAL_REFERRAL.STATUS)
                .from(MEDICAL_REFERRAL)
                .where(MEDICAL_REFERRAL.PERSON_ID.in(personIds).and(MEDICAL_REFERRAL.DELETED.isFalse()))
                .forEach(r -> out.add(personRow(r.value3(), TimelineKind.MEDICAL, r.value2(), personOffice, r.value1(),
                        "timeline.medical.referral", label("timeline.medicalReferral.", r.value4()))));

        if (!caseIds.isEmpty()) {
            assistance(dsl, caseIds, cases, out);
        }
        return out;
    }

    private void assistance(DSLContext dsl, Set<String> caseIds, Map<String, CaseInfo> cases, List<TimelineRow> out) {
        dsl.select(ASSISTANCE_PLAN.ID, ASSISTANCE_PLAN.CASE_ID, ASSISTANCE_PLAN.DRAFTED_ON, ASSISTANCE_PLAN.APPROVED_ON,
                        ASSISTANCE_PLAN.CURRENCY)
                .from(ASSISTANCE_PLAN).where(ASSISTANCE_PLAN.CASE_ID.in(caseIds).and(ASSISTANCE_PLAN.DELETED.isFalse()))
                .forEach(r -> {
                    CaseInfo c = cases.get(r.value2());
                    out.add(caseRow(r.value3(), TimelineKind.PLAN, c, r.value2(), r.value1(), "timeline.plan.drafted",
                            r.value5()));
                    if (r.value4() != null) {
                        out.add(caseRow(r.value4(), TimelineKind.PLAN, c, r.value2(), r.value1() + ":approved",
                                "timeline.plan.approved", r.value5()));
                    }
                });
        dsl.select(ASSISTANCE_DELIVERY.ID, ASSISTANCE_PLAN.CASE_ID, ASSISTANCE_DELIVERY.DELIVERED_ON,
                        ASSISTANCE_DELIVERY.MODALITY, ASSISTANCE_DELIVERY.DESCRIPTION, ASSISTANCE_DELIVERY.AMOUNT_MINOR,
                        ASSISTANCE_DELIVERY.CURRENCY)
                .from(ASSISTANCE_DELIVERY).join(ASSISTANCE_PLAN).on(ASSISTANCE_PLAN.ID.eq(ASSISTANCE_DELIVERY.PLAN_ID))
                .where(ASSISTANCE_PLAN.CASE_ID.in(caseIds).and(ASSISTANCE_DELIVERY.DELETED.isFalse()))
                .forEach(r -> {
                    long minor = r.value6() == null ? 0 : r.value6();
                    BigDecimal amount = Money.fromMinor(minor, r.value7());
                    out.add(caseRow(r.value3(), TimelineKind.DELIVERY, cases.get(r.value2()), r.value2(), r.value1(),
                            minor == 0 ? "timeline.delivery" : "timeline.delivery.amount",
                            label("enum.DeliveryModality.", r.value4()), r.value5(), amount.toPlainString(), r.value7()));
                });
        dsl.select(REFERRAL_EVENT.ID, REFERRAL.CASE_ID, REFERRAL_EVENT.OCCURRED_ON, REFERRAL_EVENT.TO_STATUS,
                        PARTNER.NAME, REFERRAL.SERVICE)
                .from(REFERRAL_EVENT).join(REFERRAL).on(REFERRAL.ID.eq(REFERRAL_EVENT.REFERRAL_ID))
                .join(PARTNER).on(PARTNER.ID.eq(REFERRAL.PARTNER_ID))
                .where(REFERRAL.CASE_ID.in(caseIds).and(REFERRAL_EVENT.DELETED.isFalse()))
                .forEach(r -> out.add(caseRow(r.value3(), TimelineKind.REFERRAL, cases.get(r.value2()), r.value2(), r.value1(),
                        "timeline.referral", nz(r.value5()), nz(r.value6()), label("enum.ReferralStatus.", r.value4()))));
        dsl.select(FOLLOW_UP.ID, FOLLOW_UP.CASE_ID, FOLLOW_UP.VISIT_ON, FOLLOW_UP.VISIT_TYPE, FOLLOW_UP.SUSTAINABILITY_SCORE)
                .from(FOLLOW_UP).where(FOLLOW_UP.CASE_ID.in(caseIds).and(FOLLOW_UP.DELETED.isFalse()))
                .forEach(r -> out.add(caseRow(r.value3(), TimelineKind.FOLLOW_UP, cases.get(r.value2()), r.value2(), r.value1(),
                        r.value5() == null ? "timeline.followUp" : "timeline.followUp.score",
                        label("enum.VisitType.", r.value4()), r.value5() == null ? "" : r.value5())));
        dsl.select(SATISFACTION_SURVEY.ID, SATISFACTION_SURVEY.CASE_ID, SATISFACTION_SURVEY.SURVEYED_ON,
                        SATISFACTION_SURVEY.OVERALL_SCORE)
                .from(SATISFACTION_SURVEY)
                .where(SATISFACTION_SURVEY.CASE_ID.in(caseIds).and(SATISFACTION_SURVEY.DELETED.isFalse()))
                .forEach(r -> out.add(caseRow(r.value3(), TimelineKind.SURVEY, cases.get(r.value2()), r.value2(), r.value1(),
                        "timeline.survey", r.value4())));
    }

    private static TimelineRow caseRow(String at, TimelineKind kind, CaseInfo c, String caseId, String recordId, String key,
                                       Object... args) {
        return new TimelineRow(at, kind, c.personId(), caseId, c.officeId(), c.restricted(), c.owner(), recordId, key,
                List.of(args));
    }

    private static TimelineRow personRow(String at, TimelineKind kind, String personId, Map<String, String> offices,
                                         String recordId, String key, Object... args) {
        return new TimelineRow(at, kind, personId, null, offices.getOrDefault(personId, ""), false, null, recordId, key,
                List.of(args));
    }

    private static UserMessage label(String prefix, String constant) {
        return UserMessage.of(prefix + constant);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
