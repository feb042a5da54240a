package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.global;

import java.util.List;
import java.util.Optional;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditFilter;
import org.itinera.core.task.ProgressSink;

/** The audit trail. */
final class AuditOperations {
    private AuditOperations() {
    }

    static final List<Operation> LIST = List.of(
            global("AuditService.count", Permission.AUDIT_READ, (f, a) -> f.ws.audit().count(a, AuditFilter.ALL)),
            global("AuditService.page", Permission.AUDIT_READ, (f, a) -> f.ws.audit().page(a, AuditFilter.ALL, 0, 20)),
            global("AuditService.actions", Permission.AUDIT_READ, (f, a) -> f.ws.audit().actions(a)),
            global("AuditService.verify", Permission.AUDIT_READ,
                    (f, a) -> f.ws.audit().verify(a, Optional.empty(), ProgressSink.NONE)));
}
