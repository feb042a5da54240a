package org.itinera.sync.exchange;

import java.util.List;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/**
 * What importing one file did, in words for the user ({@link #message()}) and in figures.
 * {@code waiting} counts changes held back because rows they need have not arrived yet (the
 * sender sends them again until they apply).
 */
public record ImportReport(String fileName, Status status, UserMessage message, Optional<String> fromNode,
                           Optional<String> packageId, long pkgSeq, long applied, long alreadyHad, long waiting,
                           List<RejectedRecord> rejected, long conflicts) {
    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public enum Status { APPLIED, ALREADY_IMPORTED, QUARANTINED, REJECTED }

    /** A record of the package that was not applied, and why (a message key of bundle {@code sync}). */
    public record RejectedRecord(String table, String rowId, UserMessage reason) {
    }

    static ImportReport refused(String fileName, Status status, UserMessage message, Optional<String> from) {
        return new ImportReport(fileName, status, message, from, Optional.empty(), 0, 0, 0, 0, List.of(), 0);
    }
}
