package org.itinera.core.casefile;

/** A household member's relationship to the head of household. */
public enum Relationship { HEAD, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, OTHER_RELATIVE, NON_RELATIVE, GUARDIAN }
