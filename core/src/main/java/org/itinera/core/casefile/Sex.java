package org.itinera.core.casefile;

/** Sex as recorded on documents: female, male, another (X), or not known. */
public enum Sex { F, M, X, U }
