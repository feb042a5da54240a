package org.itinera.core.casefile;

/** Where a case stands. */
public enum CaseStatus { OPEN, IN_PROGRESS, ON_HOLD, CLOSED }
