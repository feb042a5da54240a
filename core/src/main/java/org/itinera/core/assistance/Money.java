package org.itinera.core.assistance;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Amounts are kept in minor units of their ISO 4217 currency (e.g. cents; XOF has none). */
public final class Money {
    private Money() {
    }

    /** The currency for a code, when it is an ISO 4217 code this JDK knows (upper case only). */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Digits after the decimal point in this currency (0 for XOF, 2 for EUR); never negative. */
    public static int digits(String code) {
        return currency(code).map(c -> Math.max(0, c.getDefaultFractionDigits())).orElse(2);
    }

    /** Whether the amount can be written in the currency without rounding. */
    public static boolean fits(BigDecimal amount, String code) {
        return amount.stripTrailingZeros().scale() <= digits(code);
    }

    public static long toMinor(BigDecimal amount, String code) {
        return amount.movePointRight(digits(code)).longValueExact();
    }

    public static BigDecimal fromMinor(long minor, String code) {
        return BigDecimal.valueOf(minor, digits(code));
    }
}
