package org.itinera.desktop.movement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Relationship;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.BookingDraft;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.Flight;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.movement.PassengerDraft;
import org.itinera.core.movement.SegmentDraft;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.testing.MedicalRecords;
import org.itinera.core.workspace.Workspace;

/**
 * The Diallo family (two parents with Arabic names, a child) prepared for a return to Conakry the
 * way the mission does it: a movement officer, requests, laissez-passers, consent, fit decisions,
 * documents ready. Optionally booked and put on the manifest of a departure in three days.
 */
public record TravellingFamily(Actor officer, List<String> movements, Manifest manifest) {
    public static final String OFFICER = "moussa.keita";
    public static final String PASSPHRASE = "a long movement officer passphrase";

    public static TravellingFamily prepare(Workspace ws, boolean onManifest) {
        Actor officer = ws.users().create(ws.actor(), new NewUser(OFFICER, "Moussa Keïta", ws.currentUser().officeId(), "en",
                Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), PASSPHRASE.toCharArray()).asActor();
        String office = ws.currentUser().officeId();
        Person head = person(ws, "Alpha", "ألفا", Sex.M, 1982, office);
        Person spouse = person(ws, "Mariama", "مريم", Sex.F, 1988, office);
        Person child = person(ws, "Fatoumata", null, Sex.F, 2017, office);
        String household = ws.households().create(ws.actor(), "HH-DKR-000777", office, head.id());
        ws.households().addMember(ws.actor(), household, spouse.id(), Relationship.SPOUSE);
        ws.households().addMember(ws.actor(), household, child.id(), Relationship.CHILD);
        String caseNo = ws.cases().open(ws.actor(), new CaseDraft(CaseType.AVRR, head.id(), household, office, "GIN", null));
        String caseId = ws.cases().ofPerson(ws.actor(), head.id()).stream().filter(c -> c.caseNo().equals(caseNo))
                .findFirst().orElseThrow().id();
        List<String> movements = ws.movements().request(officer, new MovementRequest(caseId,
                List.of(head.id(), spouse.id(), child.id()), MovementType.VOLUNTARY_RETURN, "GIN", "Conakry", true));
        ws.movements().transition(officer, movements, MovementStatus.ELIGIBILITY_CHECKED, null, null);
        LocalDate today = LocalDate.now(ws.clock());
        for (Person p : List.of(head, spouse, child)) {
            ws.movements().recordTravelDocument(officer, p.id(), new TravelDocument("LAISSEZ_PASSER",
                    "LP" + p.details().givenName().toUpperCase(java.util.Locale.ROOT), "GIN", today, today.plusMonths(3)));
            MedicalRecords.fitness(ws, p.id(), "FIT", today, today.plusDays(10));
        }
        for (Person p : List.of(head, spouse)) {
            ws.movements().recordTravelConsent(officer, p.id(), new TravelConsent(TravelConsent.Method.SIGNED, today, null,
                    null, null));
        }
        ws.movements().transition(officer, movements, MovementStatus.DOCUMENTS_READY, null, null);
        if (!onManifest) {
            return new TravellingFamily(officer, movements, null);
        }
        LocalDate day = today.plusDays(3);
        ws.bookings().book(officer, new BookingDraft("HCX7Q2", BookingStatus.TICKETED, List.of(new SegmentDraft("HC", "301",
                "DSS", "CKY", day.atTime(9, 40), day.atTime(11, 5))), movements.stream().map(PassengerDraft::of).toList(),
                List.of()));
        Manifest m = ws.manifests().openFor(officer, new Flight("HC", "301", "DSS", "CKY", day));
        ws.manifests().add(officer, m.id(), movements, false);
        return new TravellingFamily(officer, movements, m);
    }

    private static Person person(Workspace ws, String given, String givenArabic, Sex sex, int year, String office) {
        return ws.persons().create(ws.actor(), new PersonDetails(given, "Diallo", null, givenArabic,
                givenArabic == null ? null : "ديالو", sex, BirthDate.year(year, false), "GIN", null, "ful", null, office));
    }
}
