package org.itinera.core.reference;

/** An airport with an IATA code (OurAirports, medium and large airports). */
public record Airport(String iata, String icao, String name, String city, String countryAlpha2, double lat, double lon) {
}
