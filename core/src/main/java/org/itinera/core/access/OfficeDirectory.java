package org.itinera.core.access;

import java.util.Optional;
import java.util.Set;

/** Which country an office is in, so country-scoped grants can be checked. */
public interface OfficeDirectory {
    Optional<String> countryOf(String officeId);

    Set<String> officesIn(String country);

    /** No offices known: country grants then cover nothing but records of no office. */
    OfficeDirectory NONE = new OfficeDirectory() {
        @Override
        public Optional<String> countryOf(String officeId) {
            return Optional.empty();
        }

        @Override
        public Set<String> officesIn(String country) {
            return Set.of();
        }
    };
}
