package org.itinera.desktop.i18n;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.itinera.core.i18n.UserMessage;

/**
 * Every user-facing sentence, in English, French or Arabic, from the resource bundles of each
 * feature (org/itinera/desktop/i18n/*.properties). A test fails when a key is missing in a
 * language or used nowhere.
 */
public final class Messages {
    public static final List<String> BUNDLES = List.of("common", "errors", "signin", "shell", "registry", "cli",
            "syncformat", "movement", "access",
            "medical", "protection", "assistance", "timeline", "sync", "update");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ar"));

    private final Locale locale;
    private final Map<String, String> texts = new HashMap<>();

    public Messages(Locale locale) {
        this.locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String bundle : BUNDLES) {
            ResourceBundle rb = ResourceBundle.getBundle("org.itinera.desktop.i18n." + bundle, this.locale, control);
            for (String key : rb.keySet()) {
                texts.put(key, rb.getString(key));
            }
        }
    }

    public static Messages forLanguage(String language) {
        return new Messages(Locale.forLanguageTag(language == null ? "en" : language));
    }

    public Locale locale() {
        return locale;
    }

    public boolean rightToLeft() {
        return "ar".equals(locale.getLanguage());
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text for a key, with {0}-style arguments; a missing key shows as the key (and fails a test). */
    public String get(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof UserMessage m ? get(m) : args[i];
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    public String get(UserMessage m) {
        return get(m.key(), m.args().toArray());
    }

    /** The label of an enumeration constant: key {@code enum.<Type>.<CONSTANT>}. */
    public String label(Enum<?> e) {
        return get("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }
}
