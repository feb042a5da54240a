package org.itinera.sync.trust;

/** A laptop in the field, or the regional hub. */
public enum NodeKind { LAPTOP, HUB }
