package org.itinera.core.access;

import java.util.Optional;

/**
 * A role held in one office, in every office of one country (ISO 3166-1 alpha-3), or in every
 * office of the mission when both are empty. A grant never names both an office and a country.
 */
public record RoleGrant(Role role, Optional<String> officeId, Optional<String> country) {
    public RoleGrant {
        if (officeId.isPresent() && country.isPresent()) {
            throw new IllegalArgumentException("a grant is scoped by office or by country, not both");
        }
    }

    public RoleGrant(Role role, Optional<String> officeId) {
        this(role, officeId, Optional.empty());
    }

    public static RoleGrant everywhere(Role role) {
        return new RoleGrant(role, Optional.empty(), Optional.empty());
    }

    public static RoleGrant inOffice(Role role, String officeId) {
        return new RoleGrant(role, Optional.of(officeId), Optional.empty());
    }

    public static RoleGrant inCountry(Role role, String country) {
        return new RoleGrant(role, Optional.empty(), Optional.of(country));
    }

    public boolean isEverywhere() {
        return officeId.isEmpty() && country.isEmpty();
    }

    /** Whether a record of this office is in scope (a record of no office is in every scope). */
    public boolean covers(String recordOfficeId, OfficeDirectory offices) {
        if (isEverywhere() || recordOfficeId == null) {
            return true;
        }
        if (officeId.isPresent()) {
            return officeId.get().equals(recordOfficeId);
        }
        return offices.countryOf(recordOfficeId).map(c -> c.equals(country.get())).orElse(false);
    }

    /** Office scope only (kept for callers without a directory): country grants cover no office. */
    public boolean covers(String recordOfficeId) {
        return covers(recordOfficeId, OfficeDirectory.NONE);
    }
}
