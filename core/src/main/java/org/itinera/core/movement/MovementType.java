package org.itinera.core.movement;

/** Why the person travels. */
public enum MovementType { VOLUNTARY_RETURN, REPATRIATION, RESETTLEMENT }
