package org.itinera.core.casefile;

/** A person known to the mission. */
public record Person(String id, PersonDetails details) {
}
