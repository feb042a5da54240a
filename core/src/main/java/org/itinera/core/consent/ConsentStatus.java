package org.itinera.core.consent;

/** Where one consent record stands on a given day. */
public enum ConsentStatus {
    VALID, NOT_YET_VALID, EXPIRED, WITHDRAWN,
    /** Given before a later withdrawal for the same purpose (and partner): the withdrawal ended it. */
    ENDED_BY_WITHDRAWAL
}
