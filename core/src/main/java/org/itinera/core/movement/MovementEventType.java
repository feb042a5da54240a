package org.itinera.core.movement;

/** What a movement event records: a status change, or a fact on the way (boarding, transit, handover). */
public enum MovementEventType { TRANSITION, BOARDED, NO_SHOW, DEPARTED, TRANSIT, ARRIVED, HANDOVER }
