package org.itinera.core.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects field errors fluently; {@link #throwIfInvalid()} ends a service's input check. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator required(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "validation.required"));
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "validation.tooLong", max));
        }
        return this;
    }

    public Validator notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(FieldError.of(field, "validation.dateInFuture"));
        }
        return this;
    }

    public <T> Validator check(String field, T value, Predicate<T> ok, String key, Object... args) {
        if (value != null && !ok.test(value)) {
            errors.add(FieldError.of(field, key, args));
        }
        return this;
    }

    public Validator add(FieldError e) {
        errors.add(e);
        return this;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
