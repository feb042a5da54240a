package org.itinera.core.protection;

import static org.itinera.schema.jooq.Tables.BEST_INTEREST_STEP;
import static org.itinera.schema.jooq.Tables.CASE_ACCESS;
import static org.itinera.schema.jooq.Tables.CASE_FILE;
import static org.itinera.schema.jooq.Tables.VULNERABILITY_SCREENING;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.BestInterestStepRecord;
import org.itinera.schema.jooq.tables.records.CaseAccessRecord;
import org.itinera.schema.jooq.tables.records.CaseFileRecord;
import org.itinera.schema.jooq.tables.records.VulnerabilityScreeningRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Screenings, best-interest steps, and who may see a restricted case. */
public final class ProtectionRepository {

    /** A case's office, owner and restriction, if it exists. */
    public record CaseAccessInfo(String caseId, String personId, String officeId, String ownerUserId, boolean restricted) {
    }

    /**
     * Cases the user may see as far as restriction goes: not restricted, or owned by them, or
     * shared with them. {@code null} (the system) sees every case. Case lists add this condition.
     */
    public static Condition visibleTo(String userId) {
        if (userId == null) {
            return DSL.noCondition();
        }
        return CASE_FILE.RESTRICTED.isFalse().or(CASE_FILE.OWNER_USER_ID.eq(userId))
                .or(DSL.exists(DSL.selectOne().from(CASE_ACCESS).where(CASE_ACCESS.CASE_ID.eq(CASE_FILE.ID)
                        .and(CASE_ACCESS.USER_ID.eq(userId)).and(CASE_ACCESS.DELETED.isFalse()))));
    }

    public Optional<CaseAccessInfo> caseInfo(DSLContext dsl, String caseId) {
        return dsl.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId).and(CASE_FILE.DELETED.isFalse())).fetchOptional()
                .map(r -> new CaseAccessInfo(r.getId(), r.getPersonId(), r.getOfficeId(), r.getOwnerUserId(),
                        Boolean.TRUE.equals(r.getRestricted())));
    }

    /**
     * {@link #visibleTo} for one case already read: not restricted, or owned by the user, or shared
     * with them. Whether the system actor sees everything is the caller's to decide.
     */
    public boolean mayOpen(DSLContext dsl, String caseId, boolean restricted, String ownerUserId, String userId) {
        return !restricted || userId != null && (userId.equals(ownerUserId) || sharedWith(dsl, caseId, userId));
    }

    public boolean sharedWith(DSLContext dsl, String caseId, String userId) {
        return dsl.fetchExists(CASE_ACCESS, CASE_ACCESS.CASE_ID.eq(caseId).and(CASE_ACCESS.USER_ID.eq(userId))
                .and(CASE_ACCESS.DELETED.isFalse()));
    }

    /** Restricted cases of a person the user may not see. */
    public List<String> hiddenCasesOf(DSLContext dsl, String personId, String userId) {
        return dsl.select(CASE_FILE.ID).from(CASE_FILE)
                .where(CASE_FILE.PERSON_ID.eq(personId).and(CASE_FILE.DELETED.isFalse()).andNot(visibleTo(userId)))
                .fetch(CASE_FILE.ID);
    }

    public List<String> sharedUsers(DSLContext dsl, String caseId) {
        return dsl.select(CASE_ACCESS.USER_ID).from(CASE_ACCESS)
                .where(CASE_ACCESS.CASE_ID.eq(caseId).and(CASE_ACCESS.DELETED.isFalse()))
                .orderBy(CASE_ACCESS.GRANTED_ON, CASE_ACCESS.ID).fetch(CASE_ACCESS.USER_ID);
    }

    void setRestricted(WriteTx tx, String caseId, boolean restricted) {
        CaseFileRecord r = tx.dsl().selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne();
        if (r != null && !Boolean.valueOf(restricted).equals(r.getRestricted())) {
            r.setRestricted(restricted);
            tx.update(r);
        }
    }

    void share(WriteTx tx, String caseId, String userId, String grantedBy, String on) {
        CaseAccessRecord r = tx.newRecord(CASE_ACCESS);
        r.setId(tx.ids().next());
        r.setCaseId(caseId);
        r.setUserId(userId);
        r.setGrantedBy(grantedBy);
        r.setGrantedOn(on);
        tx.insert(r);
    }

    int unshare(WriteTx tx, String caseId, String userId) {
        List<CaseAccessRecord> rows = tx.dsl().selectFrom(CASE_ACCESS).where(CASE_ACCESS.CASE_ID.eq(caseId)
                .and(CASE_ACCESS.USER_ID.eq(userId)).and(CASE_ACCESS.DELETED.isFalse())).fetch();
        rows.forEach(tx::delete);
        return rows.size();
    }

    void insertScreening(WriteTx tx, String id, ScreeningDraft d, String by) {
        VulnerabilityScreeningRecord r = tx.newRecord(VULNERABILITY_SCREENING);
        r.setId(id);
        r.setPersonId(d.personId());
        r.setCaseId(d.caseId());
        r.setScreenedOn(d.screenedOn().toString());
        r.setScreenedBy(by);
        Set<Vulnerability> n = d.needs();
        r.setUnaccompaniedChild(n.contains(Vulnerability.UNACCOMPANIED_CHILD));
        r.setSeparatedChild(n.contains(Vulnerability.SEPARATED_CHILD));
        r.setTraffickingVictim(n.contains(Vulnerability.TRAFFICKING_VICTIM));
        r.setMedicalCondition(n.contains(Vulnerability.MEDICAL_CONDITION));
        r.setDisability(n.contains(Vulnerability.DISABILITY));
        r.setElderly(n.contains(Vulnerability.ELDERLY));
        r.setSingleParent(n.contains(Vulnerability.SINGLE_PARENT));
        r.setGbvSurvivor(n.contains(Vulnerability.GBV_SURVIVOR));
        r.setPregnant(n.contains(Vulnerability.PREGNANT));
        r.setOtherNeed(blankToNull(d.otherNeed()));
        r.setRiskLevel(d.risk().name());
        r.setRestricted(d.restrict());
        r.setSafetyPlan(blankToNull(d.safetyPlan()));
        r.setNotes(blankToNull(d.notes()));
        tx.insert(r);
    }

    void insertStep(WriteTx tx, String id, String personId, String caseId, BestInterestStepType step, LocalDate on,
                    String by, String outcome) {
        BestInterestStepRecord r = tx.newRecord(BEST_INTEREST_STEP);
        r.setId(id);
        r.setPersonId(personId);
        r.setCaseId(caseId);
        r.setStep(step.name());
        r.setTakenOn(on.toString());
        r.setTakenBy(by);
        r.setOutcome(blankToNull(outcome));
        tx.insert(r);
    }

    /** A person's screenings, newest first. */
    public List<Screening> screenings(DSLContext dsl, String personId) {
        var s = VULNERABILITY_SCREENING;
        return dsl.selectFrom(s).where(s.PERSON_ID.eq(personId).and(s.DELETED.isFalse()))
                .orderBy(s.SCREENED_ON.desc(), s.ID.desc()).fetch(r -> {
                    Set<Vulnerability> needs = EnumSet.noneOf(Vulnerability.class);
                    flag(needs, r.getUnaccompaniedChild(), Vulnerability.UNACCOMPANIED_CHILD);
                    flag(needs, r.getSeparatedChild(), Vulnerability.SEPARATED_CHILD);
                    flag(needs, r.getTraffickingVictim(), Vulnerability.TRAFFICKING_VICTIM);
                    flag(needs, r.getMedicalCondition(), Vulnerability.MEDICAL_CONDITION);
                    flag(needs, r.getDisability(), Vulnerability.DISABILITY);
                    flag(needs, r.getElderly(), Vulnerability.ELDERLY);
                    flag(needs, r.getSingleParent(), Vulnerability.SINGLE_PARENT);
                    flag(needs, r.getGbvSurvivor(), Vulnerability.GBV_SURVIVOR);
                    flag(needs, r.getPregnant(), Vulnerability.PREGNANT);
                    return new Screening(r.getId(), personId, Optional.ofNullable(r.getCaseId()),
                            LocalDate.parse(r.getScreenedOn()), Optional.ofNullable(r.getScreenedBy()), needs,
                            Optional.ofNullable(r.getOtherNeed()), RiskLevel.valueOf(r.getRiskLevel()),
                            Boolean.TRUE.equals(r.getRestricted()), Optional.ofNullable(r.getSafetyPlan()),
                            Optional.ofNullable(r.getNotes()));
                });
    }

    /** A person's best-interest steps, in the order they were taken. */
    public List<BestInterestStep> steps(DSLContext dsl, String personId) {
        var b = BEST_INTEREST_STEP;
        return dsl.selectFrom(b).where(b.PERSON_ID.eq(personId).and(b.DELETED.isFalse()))
                .orderBy(b.TAKEN_ON, b.ID).fetch(r -> new BestInterestStep(r.getId(), personId,
                        Optional.ofNullable(r.getCaseId()), BestInterestStepType.valueOf(r.getStep()),
                        LocalDate.parse(r.getTakenOn()), Optional.ofNullable(r.getTakenBy()),
                        Optional.ofNullable(r.getOutcome())));
    }

    private static void flag(Set<Vulnerability> needs, Boolean set, Vulnerability v) {
        if (Boolean.TRUE.equals(set)) {
            needs.add(v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
