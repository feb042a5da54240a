package org.itinera.core.timeline;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.protection.ProtectionRepository;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;

/**
 * One list of everything that happened to a person (or a household) across registration, movement,
 * medical and assistance, oldest first, holding only what the viewer may see: each item needs its
 * kind's permission over the office that governs it (the case's, the movement's or the person's), and
 * items of a restricted case are for its owner and the colleagues it was shared with (need to know). Health appears to non-medical viewers only as
 * the fitness decision.
 */
public final class TimelineService {
    private static final Comparator<TimelineItem> ORDER = Comparator.comparing(TimelineItem::at)
            .thenComparing(i -> i.kind().ordinal()).thenComparing(TimelineItem::recordId);

    private final Store store;
    private final TimelineRepository repo;
    private final PersonRepository persons;
    private final AccessPolicy access;
    private final ProtectionRepository protection;

    public TimelineService(Store store, TimelineRepository repo, PersonRepository persons, AccessPolicy access,
                           ProtectionRepository protection) {
        this.store = store;
        this.repo = repo;
        this.persons = persons;
        this.access = access;
        this.protection = protection;
    }

    /** A person's timeline. Needs the right to read the person; the read is recorded. */
    public List<TimelineItem> ofPerson(Actor actor, String personId) {
        Optional<String> office = personId == null ? Optional.empty() : store.read(dsl -> persons.officeOf(dsl, personId));
        access.require(actor, Permission.PERSON_READ, office.orElse(null));
        if (personId == null || store.read(dsl -> persons.find(dsl, personId)).isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("person", "timeline.error.unknownPerson")));
        }
        // the file includes the persons merged into this one (their records stay theirs)
        List<TimelineItem> items = visible(actor, store.read(dsl -> repo.rows(dsl, persons.personsOfFile(dsl, personId))));
        store.auditOnly(actor, AuditEvent.ok("TIMELINE_VIEW", "person", personId, "items=" + items.size()));
        return items;
    }

    /** The timeline of every member of a household together. */
    public List<TimelineItem> ofHousehold(Actor actor, String householdId) {
        List<String> members = householdId == null ? List.of() : store.read(dsl -> repo.householdMembers(dsl, householdId));
        Map<String, String> offices = members.isEmpty() ? Map.of() : store.read(dsl -> repo.personOffices(dsl, members));
        String office = offices.values().stream().filter(o -> !o.isEmpty()).findFirst().orElse(null);
        access.require(actor, Permission.HOUSEHOLD_READ, office);
        if (members.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("household", "timeline.error.unknownHousehold")));
        }
        List<TimelineItem> items = visible(actor, store.read(dsl -> repo.rows(dsl, members)));
        store.auditOnly(actor, AuditEvent.ok("TIMELINE_VIEW", "household", householdId, "items=" + items.size()));
        return items;
    }

    /**
     * A case's summary and its timeline: the case's own items and the person's (consent, health),
     * as {@link #ofPerson} would show them. Needs the right to read the case; the read is recorded.
     */
    public CaseTimeline ofCase(Actor actor, String caseIdOrNumber) {
        Optional<CaseTimeline> found = caseIdOrNumber == null ? Optional.empty()
                : store.read(dsl -> repo.findCase(dsl, caseIdOrNumber));
        access.require(actor, Permission.CASE_READ, found.map(c -> c.summary().officeId()).orElse(null));
        CaseTimeline c = found.orElseThrow(() -> new ValidationException(List.of(FieldError.of("case",
                "timeline.error.unknownCase"))));
        String caseId = c.summary().id();
        Optional<ProtectionRepository.CaseAccessInfo> info = store.read(dsl -> protection.caseInfo(dsl, caseId));
        if (info.isPresent() && info.get().restricted() && !mayOpenRestricted(actor, caseId, info.get().ownerUserId())) {
            store.auditOnly(actor, new AuditEvent("ACCESS_DENIED", "case", caseId, AuditEvent.Outcome.DENIED,
                    "restricted"));
            throw new AccessDeniedException(Permission.CASE_READ);
        }
        List<TimelineItem> items = visible(actor, store.read(dsl -> repo.rows(dsl, List.of(c.summary().personId()))))
                .stream().filter(i -> i.caseId().map(caseId::equals).orElse(true)).toList();
        store.auditOnly(actor, AuditEvent.ok("CASE_VIEW", "case", caseId, "items=" + items.size()));
        return new CaseTimeline(c.summary(), c.officeName(), items);
    }

    private List<TimelineItem> visible(Actor actor, List<TimelineRow> rows) {
        Map<String, Boolean> allowed = new HashMap<>();
        Map<String, Boolean> restrictedOpen = new HashMap<>();
        return rows.stream()
                .filter(r -> allowed.computeIfAbsent(r.kind().permission() + "@" + r.officeId(),
                        k -> access.allows(actor, r.kind().permission(), r.officeId().isEmpty() ? null : r.officeId())))
                .filter(r -> !r.restricted() || restrictedOpen.computeIfAbsent(r.caseId(),
                        id -> mayOpenRestricted(actor, id, r.caseOwner())))
                .map(TimelineService::item)
                .sorted(ORDER)
                .toList();
    }

    /** Owner, a colleague the case was shared with, or the system. */
    private boolean mayOpenRestricted(Actor actor, String caseId, String owner) {
        return actor.isSystem() || store.read(dsl -> protection.mayOpen(dsl, caseId, true, owner, actor.userId()));
    }

    private static TimelineItem item(TimelineRow r) {
        return new TimelineItem(LocalDate.parse(r.at().substring(0, 10)), r.at(), r.kind(), r.personId(),
                Optional.ofNullable(r.caseId()), r.recordId(), UserMessage.of(r.key(), r.args().toArray()));
    }
}
