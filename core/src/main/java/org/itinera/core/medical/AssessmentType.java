package org.itinera.core.medical;

/** When a health assessment was made. */
public enum AssessmentType {
    PRE_DEPARTURE, PRE_EMBARKATION, ARRIVAL, FOLLOW_UP
}
