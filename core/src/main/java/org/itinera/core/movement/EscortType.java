package org.itinera.core.movement;

/** Operational escorts accompany a group; medical escorts (nurse, doctor) accompany a passenger found fit with escort. */
public enum EscortType { OPERATIONAL, MEDICAL }
