package org.itinera.core.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Countries (EN/FR/AR names, UN M49 regions), airports, languages and currencies, read from the
 * resources shipped in the schema module (licences beside them). Each set loads on first use.
 */
public final class ReferenceData {
    private static final String BASE = "/org/itinera/reference/";

    private final Lazy<Map<String, Country>> countries = new Lazy<>(this::loadCountries);
    private final Lazy<Map<String, Airport>> airports = new Lazy<>(this::loadAirports);
    private final Lazy<Map<String, Language>> languages = new Lazy<>(this::loadLanguages);
    private final Lazy<Map<String, Currency>> currencies = new Lazy<>(this::loadCurrencies);
    private final Lazy<TimeZoneTable> zones = new Lazy<>(() -> new TimeZoneTable(open("time_zones.csv"),
            open("airport_zone_overrides.csv")));

    /** By ISO alpha-3 code, as used in travel documents. */
    public Optional<Country> country(String alpha3) {
        return alpha3 == null ? Optional.empty() : Optional.ofNullable(countries.get().get(alpha3.toUpperCase(Locale.ROOT)));
    }

    public List<Country> countries(Locale sortFor) {
        return countries.get().values().stream()
                .sorted(Comparator.comparing((Country c) -> c.name(sortFor), java.text.Collator.getInstance(sortFor)))
                .toList();
    }

    public Optional<Airport> airport(String iata) {
        return iata == null ? Optional.empty() : Optional.ofNullable(airports.get().get(iata.toUpperCase(Locale.ROOT)));
    }

    public List<Airport> airportsIn(String countryAlpha2) {
        return airports.get().values().stream().filter(a -> a.countryAlpha2().equals(countryAlpha2)).toList();
    }

    /** The IANA time zone of an airport, derived from its country and position (see {@link TimeZoneTable}). */
    public Optional<java.time.ZoneId> zoneOf(String iata) {
        return airport(iata).flatMap(a -> zones.get().zoneOf(a));
    }

    public int airportCount() {
        return airports.get().size();
    }

    public Optional<Language> language(String alpha3) {
        return alpha3 == null ? Optional.empty() : Optional.ofNullable(languages.get().get(alpha3.toLowerCase(Locale.ROOT)));
    }

    public Optional<Currency> currency(String alpha3) {
        return alpha3 == null ? Optional.empty() : Optional.ofNullable(currencies.get().get(alpha3.toUpperCase(Locale.ROOT)));
    }

    private Map<String, Country> loadCountries() {
        Map<String, String[]> regions = new HashMap<>();
        for (Map<String, String> r : Csv.read(open("un_m49_countries_flat.csv"))) {
            regions.put(r.get("iso3166_alpha3"), new String[] {r.get("region_name"), r.get("subregion_name")});
        }
        Map<String, Country> out = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(open("iso3166_country_names_en_fr_ar.csv"))) {
            String[] reg = regions.getOrDefault(r.get("alpha_3"), new String[] {"", ""});
            out.put(r.get("alpha_3"), new Country(r.get("alpha_2"), r.get("alpha_3"), r.get("numeric"),
                    r.get("name_en"), r.get("name_fr"), r.get("name_ar"), reg[0], reg[1]));
        }
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Airport> loadAirports() {
        Map<String, Airport> out = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(open("airports_iata.csv"))) {
            out.put(r.get("iata"), new Airport(r.get("iata"), r.get("icao"), r.get("name"), r.get("city"),
                    r.get("country_iso2"), Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon"))));
        }
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Language> loadLanguages() {
        Map<String, Language> out = new LinkedHashMap<>();
        for (JsonNode n : readJson("iso_639-3.json").path("639-3")) {
            out.put(n.path("alpha_3").asText(), new Language(n.path("alpha_3").asText(),
                    n.path("alpha_2").asText(""), n.path("name").asText()));
        }
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Currency> loadCurrencies() {
        Map<String, Currency> out = new LinkedHashMap<>();
        for (JsonNode n : readJson("iso_4217.json").path("4217")) {
            out.put(n.path("alpha_3").asText(), new Currency(n.path("alpha_3").asText(), n.path("numeric").asText(),
                    n.path("name").asText()));
        }
        return Collections.unmodifiableMap(out);
    }

    private JsonNode readJson(String name) {
        try (InputStream in = open(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(String name) {
        InputStream in = ReferenceData.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the build: " + name);
        }
        return in;
    }

    /** Thread-safe lazy value. */
    private static final class Lazy<T> {
        private final Supplier<T> init;
        private volatile T value;

        Lazy(Supplier<T> init) {
            this.init = init;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = init.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
