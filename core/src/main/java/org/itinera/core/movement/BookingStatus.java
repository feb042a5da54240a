package org.itinera.core.movement;

/** A carrier booking: held, confirmed, ticketed, or cancelled. */
public enum BookingStatus { HELD, CONFIRMED, TICKETED, CANCELLED }
