package org.itinera.core.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A recorded delivery (a fact: never changed). */
public record Delivery(String id, String planId, Optional<String> componentId, LocalDate deliveredOn,
                       DeliveryModality modality, String description, long amountMinor, String currency,
                       Optional<String> receiptId, Optional<String> deliveredBy) {
    public BigDecimal amount() {
        return Money.fromMinor(amountMinor, currency);
    }
}
