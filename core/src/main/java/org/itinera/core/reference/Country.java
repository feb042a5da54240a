package org.itinera.core.reference;

import java.util.Locale;

/** An ISO 3166-1 country with its names in the three interface languages and its UN M49 region. */
public record Country(String alpha2, String alpha3, String numeric, String nameEn, String nameFr, String nameAr,
                      String region, String subregion) {
    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "fr" -> nameFr.isEmpty() ? nameEn : nameFr;
            case "ar" -> nameAr.isEmpty() ? nameEn : nameAr;
            default -> nameEn;
        };
    }
}
