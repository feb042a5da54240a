package org.itinera.core.medical;

/** Who must travel with a person declared fit with a medical escort. */
public enum EscortLevel {
    NONE, NURSE, DOCTOR, PARAMEDIC
}
