package org.itinera.core.protection;

/** How urgent the protection needs of a person are. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
