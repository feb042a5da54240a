package org.itinera.core.movement;

/**
 * A manifest is a DRAFT until printed (FINAL); any later change makes it a draft again, so a printed
 * copy is never mistaken for the current list. DEPARTED after the head count, CLOSED on arrival.
 */
public enum ManifestStatus { DRAFT, FINAL, DEPARTED, CLOSED, CANCELLED }
