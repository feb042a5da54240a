package org.itinera.core.consent;

/** How consent was given: signed, spoken, implicit, or by a proxy (a relative or guardian, exceptionally). */
public enum ConsentMethod {
    SIGNED, SPOKEN, IMPLICIT, PROXY
}
