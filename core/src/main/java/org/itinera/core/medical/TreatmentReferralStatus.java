package org.itinera.core.medical;

/** Where a referral for treatment stands. */
public enum TreatmentReferralStatus {
    SENT, ACCEPTED, TREATED, CLOSED, REFUSED
}
