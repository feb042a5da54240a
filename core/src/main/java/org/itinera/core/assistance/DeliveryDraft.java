package org.itinera.core.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Assistance handed over under a plan: cash (an amount in the plan's currency) or in kind (a
 * description, with an optional value), on a date, optionally against one component and with a receipt.
 */
public record DeliveryDraft(String planId, String componentId, LocalDate deliveredOn, DeliveryModality modality,
                            String description, BigDecimal amount, Receipt receipt) {
}
