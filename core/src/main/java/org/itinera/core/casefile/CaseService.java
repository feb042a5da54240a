package org.itinera.core.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.organisation.Office;
import org.itinera.core.organisation.OfficeRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.Validator;

/** Opening and listing cases. */
public final class CaseService {
    private final Store store;
    private final CaseRepository cases;
    private final AccessPolicy access;
    private final OfficeRepository offices;
    private final Clock clock;

    public CaseService(Store store, CaseRepository cases, OfficeRepository offices, AccessPolicy access, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.offices = offices;
        this.access = access;
        this.clock = clock;
    }

    public String open(Actor actor, CaseDraft draft) {
        access.require(actor, Permission.CASE_WRITE, draft.officeId());
        new Validator().required("type", draft.type() == null ? null : draft.type().name())
                .required("person", draft.personId()).maxLength("summary", draft.summary(), 2000).throwIfInvalid();
        String id = store.ids().next();
        String officeCode = draft.officeId() == null ? "XX"
                : store.read(dsl -> offices.find(dsl, draft.officeId())).map(Office::code).orElse("XX");
        String caseNo = caseNumber(officeCode, LocalDate.now(clock).getYear(), id);
        store.write(actor, AuditEvent.ok("CASE_OPEN", "case", id), tx -> {
            cases.insert(tx, id, caseNo, draft, CaseStatus.OPEN, LocalDate.now(clock).toString(), actor.userId());
            return null;
        });
        return caseNo;
    }

    /**
     * Case numbers must be unique across laptops that never talk to each other, so they end with
     * random hex digits of the case's id rather than a shared counter.
     */
    public static String caseNumber(String officeCode, int year, String uuid) {
        String tail = uuid.replace("-", "").substring(20, 26).toUpperCase(Locale.ROOT);
        String office = officeCode.length() > 3 ? officeCode.substring(0, 3) : officeCode;
        return office.toUpperCase(Locale.ROOT) + "-" + year + "-" + tail;
    }

    public List<CaseSummary> page(Actor actor, int offset, int limit) {
        access.require(actor, Permission.CASE_READ);
        var offices = access.scope(actor, Permission.CASE_READ).filter();
        return store.read(dsl -> cases.page(dsl, offset, limit, offices, actor.userId()));
    }

    public int count(Actor actor) {
        access.require(actor, Permission.CASE_READ);
        var offices = access.scope(actor, Permission.CASE_READ).filter();
        return store.read(dsl -> cases.count(dsl, offices, actor.userId()));
    }

    /**
     * A person's cases, and those of the persons merged into it (each keeps its person id), limited to
     * the offices the actor may read; restricted cases only for those they were shared with.
     */
    public List<CaseSummary> ofPerson(Actor actor, String personId) {
        access.require(actor, Permission.CASE_READ);
        var scope = access.scope(actor, Permission.CASE_READ);
        return store.read(dsl -> cases.ofPersons(dsl, new PersonRepository().personsOfFile(dsl, personId), actor.userId())).stream()
                .filter(c -> scope.all() || c.officeId() == null || scope.offices().contains(c.officeId())).toList();
    }
}
