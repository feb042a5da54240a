package org.itinera.core.casefile;

/** One row of the household list. */
public record HouseholdSummary(String id, String reference, String headName, int members, String officeId) {
}
