package org.itinera.core.casefile;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A date of birth as known: often only a year (stored as 1 January), sometimes estimated.
 * Keeping the precision apart means "01/01/1990" is not mistaken for a real birthday.
 */
public record BirthDate(LocalDate date, Precision precision, boolean estimated) {
    public enum Precision { DAY, MONTH, YEAR, UNKNOWN }

    public static final BirthDate UNKNOWN = new BirthDate(null, Precision.UNKNOWN, false);

    public BirthDate {
        if (precision != Precision.UNKNOWN && date == null) {
            throw new IllegalArgumentException("a date is needed unless the birth date is unknown");
        }
        if (date != null) {
            date = switch (precision) {
                case YEAR -> date.withDayOfYear(1);
                case MONTH -> date.withDayOfMonth(1);
                default -> date;
            };
        }
    }

    public static BirthDate exact(LocalDate d) {
        return new BirthDate(d, Precision.DAY, false);
    }

    public static BirthDate year(int year, boolean estimated) {
        return new BirthDate(LocalDate.of(year, 1, 1), Precision.YEAR, estimated);
    }

    public Optional<LocalDate> asDate() {
        return Optional.ofNullable(date);
    }

    /** Age in whole years on a date (for a year-only date, the age reached during that year). */
    public Optional<Integer> ageOn(LocalDate day) {
        return asDate().map(d -> Period.between(d, day).getYears());
    }

    /** ISO-like text with the precision visible: 1990, 1990-05, 1990-05-17, prefixed ~ when estimated. */
    public String display() {
        if (date == null) {
            return "";
        }
        String s = switch (precision) {
            case YEAR -> Integer.toString(date.getYear());
            case MONTH -> date.toString().substring(0, 7);
            default -> date.toString();
        };
        return estimated ? "~" + s : s;
    }
}
