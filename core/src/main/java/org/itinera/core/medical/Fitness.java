package org.itinera.core.medical;

/** The fitness-to-travel decision: all that non-medical staff may know about a person's health. */
public enum Fitness {
    FIT, FIT_WITH_ESCORT, UNFIT, PENDING
}
