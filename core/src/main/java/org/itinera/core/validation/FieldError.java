package org.itinera.core.validation;

import org.itinera.core.i18n.UserMessage;

/** A problem with one form field, shown next to that field and in the form's summary. */
public record FieldError(String field, UserMessage message) {
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, UserMessage.of(key, args));
    }
}
