package org.itinera.core.casefile;

/**
 * A person marked as a duplicate: who it is, and whom it was merged into directly (the survivor a
 * file opens on may be further along the chain).
 */
public record MergedRecord(PersonSummary person, String mergedInto) {
}
