package org.itinera.core.casefile;

/**
 * One row of the registry list: enough to recognise a person, nothing sensitive. {@code sortKey}
 * is the folded "family given" key the list is ordered by (lets the next page continue from here).
 */
public record PersonSummary(String id, String latinName, String originalName, Sex sex, String birth,
                            String nationality, String officeId, String sortKey) {
}
