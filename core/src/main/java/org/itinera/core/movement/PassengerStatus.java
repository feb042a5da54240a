package org.itinera.core.movement;

/** A passenger's line on a manifest: listed, then boarded or no-show on the day; removed before. */
public enum PassengerStatus { LISTED, BOARDED, NO_SHOW, REMOVED }
