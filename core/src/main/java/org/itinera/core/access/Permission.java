package org.itinera.core.access;

/** What a service method may be asked to do. Each service method names exactly one. */
public enum Permission {
    PERSON_READ, PERSON_WRITE,
    HOUSEHOLD_READ, HOUSEHOLD_WRITE,
    CASE_READ, CASE_WRITE,
    MOVEMENT_READ, MOVEMENT_WRITE, MANIFEST_PRINT,
    DEMO_DATA_GENERATE,
    USER_ADMIN,
    AUDIT_READ,
    /** Pin the organisation's root key, load trust bundles, rotate this device's keys. */
    TRUST_ADMIN,
    /** Write and import sync packages, see peers: every field role (the data moves, not the rights to read it). */
    SYNC_EXCHANGE,
    /** Review sync conflicts (both values, who and when) and pick the value to keep. */
    SYNC_CONFLICT_RESOLVE,
    /** Change one's own passphrase: every signed-in user. */
    OWN_ACCOUNT,
    /** Laptop settings (idle lock) and the hub keys used for account recovery. */
    DEVICE_ADMIN,
    /** On the hub: see which laptops' recovery escrows arrived and issue passphrase reset tokens for them. */
    RECOVERY_ISSUE,
    CONSENT_READ, CONSENT_WRITE,
    /** Export person data to a partner under a data-sharing agreement (consent-gated). */
    PARTNER_EXCHANGE,
    /** Health assessment details: history, findings, tests, conditions. Medical roles only. */
    MEDICAL_DETAIL_READ, MEDICAL_DETAIL_WRITE,
    /** The fitness-to-travel decision alone (fit / fit with escort / unfit / pending). */
    FITNESS_DECISION_READ, FITNESS_DECISION_WRITE,
    /** Vulnerability screenings, best-interest steps, safety plans; restricting a case and sharing it. */
    PROTECTION_READ, PROTECTION_WRITE,
    /** Reintegration assistance: plans, deliveries, partner referrals, follow-ups, surveys (issue 6). */
    ASSISTANCE_READ, ASSISTANCE_WRITE,
    /** Mark a person as a duplicate of another (and undo it): data officers and mission administrators. */
    PERSON_MERGE
}
