package org.itinera.desktop.ui;

import java.util.concurrent.CancellationException;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.consent.ConsentRequiredException;
import org.itinera.core.db.DatabaseException;
import org.itinera.core.keys.SignInException;
import org.itinera.core.recovery.RecoveryException;
import org.itinera.core.validation.ValidationException;
import org.itinera.desktop.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into a sentence for the user, in their language, saying what
 * happened and what to do. Unexpected failures are logged (without personal data) and described
 * plainly; nothing the user typed is discarded by the screens that call this.
 */
public final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);
    private final Messages messages;

    public ErrorMessages(Messages messages) {
        this.messages = messages;
    }

    /** Puts each field error of a refused input next to its field (in {@code errors}), first error first. */
    public void putFieldErrors(Throwable t, java.util.Map<String, String> errors) {
        if (t instanceof ValidationException v) {
            for (org.itinera.core.validation.FieldError fe : v.errors()) {
                errors.putIfAbsent(fe.field(), messages.get(fe.message()));
            }
        }
    }

    public String describe(Throwable t) {
        Throwable e = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return switch (e) {
            case SignInException s -> messages.get(s.userMessage());
            case DatabaseException d -> messages.get(d.userMessage());
            case AccessDeniedException a -> messages.get(a.userMessage());
            case org.itinera.sync.SyncException s -> messages.get(s.userMessage());
            case ConsentRequiredException c -> messages.get(c.userMessage());
            case RecoveryException r -> messages.get(r.userMessage());
            case ValidationException v -> messages.get("error.validation", v.errors().size());
            case org.itinera.core.movement.GateRefusedException g -> messages.get(g.userMessage());
            case org.itinera.core.movement.MovementRefusedException r -> messages.get(r.userMessage());
            case org.itinera.core.medical.MedicalKeyMissingException k -> messages.get(k.userMessage());
            case CancellationException c -> messages.get("error.cancelled");
            default -> {
                LOG.error("Unexpected failure ({})", e.getClass().getName(), e);
                yield messages.get("error.unexpected", e.getClass().getSimpleName());
            }
        };
    }
}
