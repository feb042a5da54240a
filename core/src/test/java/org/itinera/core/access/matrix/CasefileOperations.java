package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.global;
import static org.itinera.core.access.matrix.Operation.home;

import java.util.List;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Relationship;
import org.itinera.core.casefile.Sex;

/** Persons, households and cases. */
final class CasefileOperations {
    private CasefileOperations() {
    }

    static PersonDetails details(MatrixFixture f) {
        return new PersonDetails("Ousmane", "Sangaré", null, null, null, Sex.M, BirthDate.year(1988, true), "MLI", null,
                "bam", null, f.homeOffice);
    }

    static final List<Operation> LIST = List.of(
            home("PersonService.create", Permission.PERSON_WRITE, (f, a) -> f.ws.persons().create(a, details(f))),
            home("PersonService.update", Permission.PERSON_WRITE,
                    (f, a) -> {
                        f.ws.persons().update(a, new Person(f.homePerson, details(f)));
                        return null;
                    }),
            home("PersonService.open", Permission.PERSON_READ, (f, a) -> f.ws.persons().open(a, f.homePerson)),
            global("PersonService.page", Permission.PERSON_READ, (f, a) -> f.ws.persons().page(a, 0, 10)),
            global("PersonService.pageAfter", Permission.PERSON_READ, (f, a) -> f.ws.persons().pageAfter(a,
                    new org.itinera.core.casefile.PersonSummary("", "", "", null, "", "", null, ""), 10)),
            global("PersonService.count", Permission.PERSON_READ, (f, a) -> f.ws.persons().count(a)),
            global("PersonService.search", Permission.PERSON_READ, (f, a) -> f.ws.persons().search(a, "toure", 10)),
            home("HouseholdService.create", Permission.HOUSEHOLD_WRITE,
                    (f, a) -> f.ws.households().create(a, "HH-" + f.next(), f.homeOffice, f.newPerson(f.homeOffice))),
            home("HouseholdService.addMember", Permission.HOUSEHOLD_WRITE,
                    (f, a) -> {
                        f.ws.households().addMember(a, f.homeHousehold, f.newPerson(f.homeOffice), Relationship.CHILD);
                        return null;
                    }),
            home("HouseholdService.members", Permission.HOUSEHOLD_READ,
                    (f, a) -> f.ws.households().members(a, f.homeHousehold)),
            global("HouseholdService.page", Permission.HOUSEHOLD_READ, (f, a) -> f.ws.households().page(a, 0, 10)),
            global("HouseholdService.count", Permission.HOUSEHOLD_READ, (f, a) -> f.ws.households().count(a)),
            home("CaseService.open", Permission.CASE_WRITE,
                    (f, a) -> f.ws.cases().open(a, new CaseDraft(CaseType.AVRR, f.homePerson, null, f.homeOffice, "MLI",
                            null))),
            global("CaseService.page", Permission.CASE_READ, (f, a) -> f.ws.cases().page(a, 0, 10)),
            global("CaseService.count", Permission.CASE_READ, (f, a) -> f.ws.cases().count(a)),
            global("CaseService.ofPerson", Permission.CASE_READ, (f, a) -> f.ws.cases().ofPerson(a, f.homePerson)),
            // duplicates (issue 7): both persons of the home office, fresh for every call
            home("PersonMergeService.merge", Permission.PERSON_MERGE, (f, a) -> {
                f.ws.merges().merge(a, f.newPerson(f.homeOffice), f.newPerson(f.homeOffice), "same passport number");
                return null;
            }),
            home("PersonMergeService.unmerge", Permission.PERSON_MERGE, (f, a) -> {
                String duplicate = f.newPerson(f.homeOffice);
                f.ws.merges().merge(f.system, duplicate, f.newPerson(f.homeOffice), "same passport number");
                f.ws.merges().unmerge(a, duplicate);
                return null;
            }),
            home("PersonMergeService.mergedInto", Permission.PERSON_READ,
                    (f, a) -> f.ws.merges().mergedInto(a, f.homePerson)),
            home("PersonMergeService.mergedRecords", Permission.PERSON_READ,
                    (f, a) -> f.ws.merges().mergedRecords(a, f.homePerson)));
}
