package org.itinera.core.audit;

import java.time.Instant;

/**
 * One line of the audit trail as the viewer shows it. {@code user} is the account's username (or
 * "system:…" for work the application did itself); {@code userId} is null for the system.
 */
public record AuditEntry(long seq, Instant at, String userId, String user, String action, String entityType,
                         String entityId, AuditEvent.Outcome outcome, String detail) {
}
