package org.itinera.core.reference;

/** An ISO 639-3 language. */
public record Language(String alpha3, String alpha2, String name) {
}
