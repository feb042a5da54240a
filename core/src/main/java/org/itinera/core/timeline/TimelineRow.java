package org.itinera.core.timeline;

import java.util.List;

/**
 * A candidate item as read from the tables, before the viewer's permissions are applied: the office
 * that governs it, and whether it belongs to a restricted case (need to know: its owner only).
 */
public record TimelineRow(String at, TimelineKind kind, String personId, String caseId, String officeId,
                          boolean restricted, String caseOwner, String recordId, String key, List<Object> args) {
    public TimelineRow {
        args = List.copyOf(args);
    }
}
