package org.itinera.core.exchange;

import java.util.List;
import org.itinera.core.i18n.UserMessage;

/** What a partner exchange wrote, and who was left out and why. */
public record ExchangeResult(int exported, List<Excluded> excluded) {
    public ExchangeResult {
        excluded = List.copyOf(excluded);
    }

    public record Excluded(String personId, UserMessage reason) {
    }
}
