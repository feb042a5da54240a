package org.itinera.core.reference;

/** An ISO 4217 currency. */
public record Currency(String alpha3, String numeric, String name) {
}
