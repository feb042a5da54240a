package org.itinera.core.timeline;

import java.util.List;
import org.itinera.core.casefile.CaseSummary;

/** A case, with the office's name, and the items of its timeline the viewer may see. */
public record CaseTimeline(CaseSummary summary, String officeName, List<TimelineItem> items) {
    public CaseTimeline {
        items = List.copyOf(items);
    }
}
