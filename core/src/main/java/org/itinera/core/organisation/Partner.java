package org.itinera.core.organisation;

/** A partner organisation (NGO, government service, UN agency, health facility…). */
public record Partner(String id, String name, String country, String type) {
}
