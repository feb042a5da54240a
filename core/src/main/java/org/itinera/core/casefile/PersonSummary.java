package org.itinera.core.casefile;

/** One row of the registry list: enough to recognise a person, nothing sensitive. */
public record PersonSummary(String id, String latinName, String originalName, Sex sex, String birth,
                            String nationality, String officeId) {
}
