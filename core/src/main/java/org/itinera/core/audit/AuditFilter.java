package org.itinera.core.audit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the audit viewer narrows the trail to; every part is optional. {@code user} is a username
 * (or a user id, or "system:…"). Dates are inclusive, in UTC.
 */
public record AuditFilter(Optional<String> user, Optional<String> action, Optional<String> entityType,
                          Optional<String> entityId, Optional<LocalDate> from, Optional<LocalDate> to) {
    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public AuditFilter withUser(String u) {
        return new AuditFilter(Optional.ofNullable(u), action, entityType, entityId, from, to);
    }

    public AuditFilter withAction(String a) {
        return new AuditFilter(user, Optional.ofNullable(a), entityType, entityId, from, to);
    }

    public AuditFilter withEntity(String type, String id) {
        return new AuditFilter(user, action, Optional.ofNullable(type), Optional.ofNullable(id), from, to);
    }

    public AuditFilter between(LocalDate fromDay, LocalDate toDay) {
        return new AuditFilter(user, action, entityType, entityId, Optional.ofNullable(fromDay), Optional.ofNullable(toDay));
    }
}
