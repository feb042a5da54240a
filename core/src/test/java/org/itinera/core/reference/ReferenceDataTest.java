package org.itinera.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
    final ReferenceData ref = new ReferenceData();

    @Test
    void countriesHaveEnglishFrenchAndArabicNamesAndTheirRegion() {
        Country sen = ref.country("SEN").orElseThrow();
        assertThat(sen.name(Locale.ENGLISH)).isEqualTo("Senegal");
        assertThat(sen.name(Locale.FRENCH)).isEqualTo("Sénégal");
        assertThat(sen.name(Locale.forLanguageTag("ar"))).isEqualTo("السّنغال");
        assertThat(sen.region()).isEqualTo("Africa");
        assertThat(sen.subregion()).isEqualTo("Sub-Saharan Africa");
        assertThat(ref.country("TUR").orElseThrow().name(Locale.FRENCH)).isEqualTo("Turquie");
        assertThat(ref.countries(Locale.FRENCH)).hasSize(249);
    }

    @Test
    void airportsLanguagesAndCurrenciesResolveByCode() {
        assertThat(ref.airport("DSS").orElseThrow().city()).isEqualTo("Dakar");
        assertThat(ref.airport("bko").orElseThrow().countryAlpha2()).isEqualTo("ML");
        assertThat(ref.airportCount()).isEqualTo(4517);
        assertThat(ref.language("ful").orElseThrow().name()).isEqualTo("Fulah");
        assertThat(ref.language("tir")).isPresent();
        assertThat(ref.currency("XOF").orElseThrow().numeric()).isEqualTo("952");
        assertThat(ref.country("XXX")).isEmpty();
    }
}
