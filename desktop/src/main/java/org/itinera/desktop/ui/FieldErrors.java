package org.itinera.desktop.ui;

import java.util.function.UnaryOperator;
import javafx.collections.ObservableMap;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.desktop.i18n.Messages;

/** Puts the field errors of a refused save next to their fields (the form builder shows them). */
public final class FieldErrors {
    private FieldErrors() {
    }

    public static void show(Throwable e, ObservableMap<String, String> errors, Messages m) {
        show(e, errors, m, UnaryOperator.identity());
    }

    /** {@code fieldId} maps the service's field name to the form's, where one scene holds two forms. */
    public static void show(Throwable e, ObservableMap<String, String> errors, Messages m, UnaryOperator<String> fieldId) {
        if (e instanceof ValidationException v) {
            for (FieldError fe : v.errors()) {
                errors.putIfAbsent(fieldId.apply(fe.field()), m.get(fe.message()));
            }
        }
    }
}
