package org.itinera.core.medical;

/** Where a referral for treatment stands. */
public enum ReferralStatus {
    SENT, ACCEPTED, TREATED, CLOSED, REFUSED
}
