package org.itinera.core.assistance;

/** The questions of the satisfaction survey, each answered 1 (not at all) to 5 (fully). */
public enum SurveyQuestion {
    INFORMED, TREATED_WITH_RESPECT, ASSISTANCE_TIMELY, ASSISTANCE_USEFUL, WOULD_RECOMMEND
}
