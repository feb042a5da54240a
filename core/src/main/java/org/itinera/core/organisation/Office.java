package org.itinera.core.organisation;

/** A mission office (country office or sub-office). */
public record Office(String id, String code, String name, String country) {
}
