package org.itinera.core.assistance;

/** How assistance was handed over. */
public enum DeliveryModality {
    CASH, IN_KIND, VOUCHER, SERVICE
}
