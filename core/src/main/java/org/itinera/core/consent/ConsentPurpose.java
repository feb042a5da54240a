package org.itinera.core.consent;

/** What a person consents to. Data sharing is always with one named partner. */
public enum ConsentPurpose {
    ASSISTANCE, TRAVEL, DATA_SHARING, CROSS_COUNTRY_MATCHING, RESEARCH, VOLUNTARY_MOVEMENT_DECLARATION;

    public boolean needsPartner() {
        return this == DATA_SHARING;
    }
}
