package org.itinera.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Airport time zones derived from the country and, in multi-zone countries, the nearest tzdb location. */
class AirportTimeZonesTest {
    static final ReferenceData REFERENCE = new ReferenceData();

    @Test
    void theMissionsAirportsGetTheirCountrysZone() {
        assertThat(zone("DSS")).isEqualTo("Africa/Dakar");
        assertThat(zone("BKO")).isEqualTo("Africa/Bamako");
        assertThat(zone("NIM")).isEqualTo("Africa/Niamey");
        assertThat(zone("AJY")).isEqualTo("Africa/Niamey");
        assertThat(zone("MJI")).isEqualTo("Africa/Tripoli");
        assertThat(zone("CKY")).isEqualTo("Africa/Conakry");
        assertThat(zone("ABJ")).isEqualTo("Africa/Abidjan");
        assertThat(zone("LOS")).isEqualTo("Africa/Lagos");
    }

    @Test
    void inACountryWithSeveralZonesTheAirportTakesTheNearestOne() {
        assertThat(zone("FIH")).isEqualTo("Africa/Kinshasa");
        assertThat(zone("FBM")).isEqualTo("Africa/Lubumbashi");
        assertThat(zone("JFK")).isEqualTo("America/New_York");
        assertThat(zone("ORD")).isEqualTo("America/Chicago");
        assertThat(zone("LAX")).isEqualTo("America/Los_Angeles");
        assertThat(zone("YUL")).isEqualTo("America/Toronto");
        assertThat(zone("YVR")).isEqualTo("America/Vancouver");
        assertThat(zone("CDG")).isEqualTo("Europe/Paris");
        assertThat(zone("ELP")).as("a listed border case").isEqualTo("America/Denver");
    }

    @Test
    void everyAirportGetsAZoneTheJdkKnows() {
        List<String> missing = REFERENCE.airportsIn("US").stream().map(Airport::iata)
                .filter(i -> REFERENCE.zoneOf(i).isEmpty()).toList();
        assertThat(missing).isEmpty();
        int withZone = 0;
        for (String country : List.of("SN", "ML", "NE", "LY", "GN", "CI", "NG", "GH", "MA", "ET", "ER", "SD", "CA", "FR", "DE")) {
            for (Airport a : REFERENCE.airportsIn(country)) {
                assertThat(REFERENCE.zoneOf(a.iata())).as(a.iata()).isPresent();
                withZone++;
            }
        }
        assertThat(withZone).isGreaterThan(150);
        assertThat(REFERENCE.zoneOf("XXX")).isEmpty();
    }

    private static String zone(String iata) {
        return REFERENCE.zoneOf(iata).map(ZoneId::getId).orElse("none");
    }
}
