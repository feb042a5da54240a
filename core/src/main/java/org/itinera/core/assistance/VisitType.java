package org.itinera.core.assistance;

/** How a follow-up (monitoring) visit took place. */
public enum VisitType {
    HOME, PHONE, OFFICE, PARTNER
}
