package org.itinera.core.assistance;

/** What a plan component helps with. */
public enum PlanCategory {
    ECONOMIC, SOCIAL, PSYCHOSOCIAL
}
