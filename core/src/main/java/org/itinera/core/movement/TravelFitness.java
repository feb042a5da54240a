package org.itinera.core.movement;

/**
 * All a non-medical role learns of a fitness-to-travel decision: fit, fit with escort, unfit,
 * pending, or none valid on the day. Never the findings behind it.
 */
public enum TravelFitness { FIT, FIT_WITH_ESCORT, UNFIT, PENDING, NONE, NOT_REQUIRED }
