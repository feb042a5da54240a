package org.itinera.core.audit;

/**
 * One line of the audit trail: what was done, to which record, with what outcome. {@code detail}
 * must never hold personal data (names, dates of birth): ids and counts only.
 */
public record AuditEvent(String action, String entityType, String entityId, Outcome outcome, String detail) {
    public enum Outcome { OK, DENIED, FAILED }

    public static AuditEvent ok(String action, String entityType, String entityId) {
        return new AuditEvent(action, entityType, entityId, Outcome.OK, null);
    }

    public static AuditEvent ok(String action, String entityType, String entityId, String detail) {
        return new AuditEvent(action, entityType, entityId, Outcome.OK, detail);
    }

    public AuditEvent withOutcome(Outcome o) {
        return new AuditEvent(action, entityType, entityId, o, detail);
    }
}
