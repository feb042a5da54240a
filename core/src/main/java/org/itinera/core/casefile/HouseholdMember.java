package org.itinera.core.casefile;

/** A person in a household, with their relationship to its head. */
public record HouseholdMember(String memberId, String householdId, PersonSummary person, Relationship relationship) {
}
