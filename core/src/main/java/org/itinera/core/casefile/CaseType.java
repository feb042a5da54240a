package org.itinera.core.casefile;

/** The kinds of case a mission opens. */
public enum CaseType { AVRR, REPATRIATION, RESETTLEMENT, PROTECTION }
