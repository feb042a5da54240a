package org.itinera.core.protection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.Validator;

/**
 * Protection: vulnerability screenings (specific needs, risk level, safety plan), best-interest
 * steps for children, and restricted cases. A restricted case is seen only by its owner and the
 * users it was shared with (need-to-know); case lists and these reads leave it out for anyone else.
 */
public final class ProtectionService {
    static final int LONG_TEXT = 4000;

    private final Store store;
    private final ProtectionRepository protection;
    private final PersonRepository persons;
    private final AccessPolicy access;
    private final Clock clock;

    public ProtectionService(Store store, ProtectionRepository protection, PersonRepository persons, AccessPolicy access,
                             Clock clock) {
        this.store = store;
        this.protection = protection;
        this.persons = persons;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Records a screening. A high or critical risk needs a safety plan; "restrict" also marks the
     * case restricted (the person screening keeps access to it).
     */
    public String screen(Actor actor, ScreeningDraft d) {
        access.require(actor, Permission.PROTECTION_WRITE, officeOf(d.personId()));
        Validator v = new Validator().required("person", d.personId())
                .required("screenedOn", d.screenedOn() == null ? null : d.screenedOn().toString())
                .notInFuture("screenedOn", d.screenedOn(), LocalDate.now(clock))
                .required("risk", d.risk() == null ? null : d.risk().name())
                .maxLength("otherNeed", d.otherNeed(), 500)
                .maxLength("safetyPlan", d.safetyPlan(), LONG_TEXT)
                .maxLength("notes", d.notes(), LONG_TEXT);
        if ((d.risk() == RiskLevel.HIGH || d.risk() == RiskLevel.CRITICAL)
                && (d.safetyPlan() == null || d.safetyPlan().isBlank())) {
            v.add(FieldError.of("safetyPlan", "protection.error.safetyPlanNeeded"));
        }
        Optional<ProtectionRepository.CaseAccessInfo> kase = Optional.empty();
        if (d.caseId() != null) {
            kase = store.read(dsl -> protection.caseInfo(dsl, d.caseId()));
            if (kase.isEmpty() || !kase.get().personId().equals(d.personId())) {
                v.add(FieldError.of("case", "protection.error.case"));
            }
        } else if (d.restrict()) {
            v.add(FieldError.of("case", "protection.error.restrictNeedsCase"));
        }
        v.throwIfInvalid();
        kase.ifPresent(c -> requireVisible(actor, c, Permission.PROTECTION_WRITE));
        String id = store.ids().next();
        String today = LocalDate.now(clock).toString();
        boolean needsGrant = d.restrict() && kase.isPresent() && !actor.isSystem()
                && !actor.userId().equals(kase.get().ownerUserId());
        store.write(actor, AuditEvent.ok("PROTECTION_SCREEN", "vulnerability_screening", id), tx -> {
            protection.insertScreening(tx, id, d, actor.userId());
            if (d.restrict()) {
                protection.setRestricted(tx, d.caseId(), true);
                if (needsGrant && !protection.sharedWith(tx.dsl(), d.caseId(), actor.userId())) {
                    protection.share(tx, d.caseId(), actor.userId(), actor.userId(), today);
                }
            }
            return null;
        });
        return id;
    }

    /** A person's screenings, newest first, without those of restricted cases the actor may not see. */
    public List<Screening> screenings(Actor actor, String personId) {
        access.require(actor, Permission.PROTECTION_READ, officeOf(personId));
        List<Screening> found = store.read(dsl -> {
            List<String> hidden = protection.hiddenCasesOf(dsl, personId, actor.userId());
            return protection.screenings(dsl, personId).stream()
                    .filter(s -> s.caseId().map(c -> !hidden.contains(c)).orElse(
                            !s.restricted() || actor.isSystem() || s.screenedBy().equals(Optional.ofNullable(actor.userId()))))
                    .toList();
        });
        store.auditOnly(actor, AuditEvent.ok("PROTECTION_VIEW", "person", personId));
        return found;
    }

    /** Records a best-interest step for a child. */
    public String recordBestInterestStep(Actor actor, String personId, String caseId, BestInterestStepType step,
                                         LocalDate takenOn, String outcome) {
        access.require(actor, Permission.PROTECTION_WRITE, officeOf(personId));
        Validator v = new Validator().required("person", personId)
                .required("step", step == null ? null : step.name())
                .required("takenOn", takenOn == null ? null : takenOn.toString())
                .notInFuture("takenOn", takenOn, LocalDate.now(clock))
                .maxLength("outcome", outcome, LONG_TEXT);
        Optional<ProtectionRepository.CaseAccessInfo> kase = caseId == null ? Optional.empty()
                : store.read(dsl -> protection.caseInfo(dsl, caseId));
        if (caseId != null && (kase.isEmpty() || !kase.get().personId().equals(personId))) {
            v.add(FieldError.of("case", "protection.error.case"));
        }
        v.throwIfInvalid();
        kase.ifPresent(c -> requireVisible(actor, c, Permission.PROTECTION_WRITE));
        String id = store.ids().next();
        store.write(actor, AuditEvent.ok("BEST_INTEREST_STEP", "best_interest_step", id), tx -> {
            protection.insertStep(tx, id, personId, caseId, step, takenOn, actor.userId(), outcome);
            return null;
        });
        return id;
    }

    /** A child's best-interest steps in the order taken, without those of cases the actor may not see. */
    public List<BestInterestStep> bestInterestSteps(Actor actor, String personId) {
        access.require(actor, Permission.PROTECTION_READ, officeOf(personId));
        List<BestInterestStep> found = store.read(dsl -> {
            List<String> hidden = protection.hiddenCasesOf(dsl, personId, actor.userId());
            return protection.steps(dsl, personId).stream()
                    .filter(s -> s.caseId().map(c -> !hidden.contains(c)).orElse(true)).toList();
        });
        store.auditOnly(actor, AuditEvent.ok("PROTECTION_VIEW", "person", personId));
        return found;
    }

    /** Marks a case restricted (or lifts the restriction). Only someone who sees the case may. */
    public void restrict(Actor actor, String caseId, boolean restricted) {
        ProtectionRepository.CaseAccessInfo c = caseFor(actor, caseId, Permission.PROTECTION_WRITE);
        store.write(actor, AuditEvent.ok(restricted ? "CASE_RESTRICT" : "CASE_UNRESTRICT", "case", caseId), tx -> {
            protection.setRestricted(tx, c.caseId(), restricted);
            return null;
        });
    }

    /** Shares a restricted case with one more user (need-to-know). */
    public void share(Actor actor, String caseId, String userId) {
        caseFor(actor, caseId, Permission.PROTECTION_WRITE);
        new Validator().required("user", userId).throwIfInvalid();
        String today = LocalDate.now(clock).toString();
        store.write(actor, AuditEvent.ok("CASE_SHARE", "case", caseId, "user=" + userId), tx -> {
            if (!protection.sharedWith(tx.dsl(), caseId, userId)) {
                protection.share(tx, caseId, userId, actor.userId(), today);
            }
            return null;
        });
    }

    /** Stops sharing a case with a user. */
    public void unshare(Actor actor, String caseId, String userId) {
        caseFor(actor, caseId, Permission.PROTECTION_WRITE);
        store.write(actor, AuditEvent.ok("CASE_UNSHARE", "case", caseId, "user=" + userId), tx -> {
            protection.unshare(tx, caseId, userId);
            return null;
        });
    }

    /** The users a case is shared with (ids), for those who see it. */
    public List<String> sharedWith(Actor actor, String caseId) {
        caseFor(actor, caseId, Permission.PROTECTION_READ);
        return store.read(dsl -> protection.sharedUsers(dsl, caseId));
    }

    private ProtectionRepository.CaseAccessInfo caseFor(Actor actor, String caseId, Permission permission) {
        Optional<ProtectionRepository.CaseAccessInfo> c = store.read(dsl -> protection.caseInfo(dsl, caseId));
        access.require(actor, permission, c.map(ProtectionRepository.CaseAccessInfo::officeId).orElse(null));
        if (c.isEmpty()) {
            throw new org.itinera.core.validation.ValidationException(List.of(FieldError.of("case", "protection.error.case")));
        }
        requireVisible(actor, c.get(), permission);
        return c.get();
    }

    /** A restricted case the actor does not own and was not given is refused like a missing permission, and audited. */
    private void requireVisible(Actor actor, ProtectionRepository.CaseAccessInfo c, Permission permission) {
        if (actor.isSystem()
                || store.read(dsl -> protection.mayOpen(dsl, c.caseId(), c.restricted(), c.ownerUserId(), actor.userId()))) {
            return;
        }
        store.auditOnly(actor, new AuditEvent("ACCESS_DENIED", "case", c.caseId(), AuditEvent.Outcome.DENIED,
                "restricted"));
        throw new AccessDeniedException(permission);
    }

    private String officeOf(String personId) {
        return store.read(dsl -> persons.officeOf(dsl, personId)).orElse(null);
    }
}
