package org.itinera.desktop;

import java.nio.file.Path;
import org.itinera.core.keys.Argon2Parameters;

/**
 * How this process was started: which data directory, demo or not, and the Argon2 cost (tests use
 * a cheap one; the product always the default).
 */
public record AppConfig(Path dataDirectory, boolean demo, int demoPersons, Argon2Parameters kdf, String language) {
}
