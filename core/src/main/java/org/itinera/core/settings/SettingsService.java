package org.itinera.core.settings;

import java.util.List;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;

/** Settings of this laptop that a mission administrator may change, such as the idle lock. */
public final class SettingsService {
    public static final String IDLE_LOCK_MINUTES = "idle-lock-minutes";
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 10;
    public static final int MIN_IDLE_LOCK_MINUTES = 1;
    public static final int MAX_IDLE_LOCK_MINUTES = 120;

    private final Store store;
    private final SettingsRepository settings;
    private final AccessPolicy access;

    public SettingsService(Store store, SettingsRepository settings, AccessPolicy access) {
        this.store = store;
        this.settings = settings;
        this.access = access;
    }

    /** Minutes without keyboard or mouse before the window locks. Every session needs it: no permission. */
    public int idleLockMinutes() {
        return store.read(dsl -> settings.get(dsl, IDLE_LOCK_MINUTES)).map(Integer::parseInt)
                .orElse(DEFAULT_IDLE_LOCK_MINUTES);
    }

    public void setIdleLockMinutes(Actor actor, int minutes) {
        access.require(actor, Permission.DEVICE_ADMIN);
        if (minutes < MIN_IDLE_LOCK_MINUTES || minutes > MAX_IDLE_LOCK_MINUTES) {
            throw new ValidationException(List.of(FieldError.of("idleMinutes", "settings.error.idleMinutes",
                    MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES)));
        }
        store.write(actor, AuditEvent.ok("SETTING_CHANGE", "setting", IDLE_LOCK_MINUTES, "value=" + minutes), tx -> {
            settings.put(tx, IDLE_LOCK_MINUTES, Integer.toString(minutes));
            return null;
        });
    }
}
