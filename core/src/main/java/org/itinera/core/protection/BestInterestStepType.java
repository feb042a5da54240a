package org.itinera.core.protection;

/** The steps of the best-interest procedure for an unaccompanied or separated child. */
public enum BestInterestStepType {
    ASSESSMENT, DETERMINATION, FAMILY_TRACING, CARE_ARRANGEMENT, FOLLOW_UP
}
