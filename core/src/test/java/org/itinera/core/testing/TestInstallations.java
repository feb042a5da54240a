package org.itinera.core.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;

/** Real installations (encrypted database, keyring) in a temporary folder, with cheap Argon2 settings. */
public final class TestInstallations {
    public static final String ADMIN = "admin";
    public static final String PASSPHRASE = "correct staple of field laptops";
    private static final ReferenceData REFERENCE = new ReferenceData();

    private TestInstallations() {
    }

    public static Installation installation(Path dir, Clock clock) {
        return new Installation(new DataDirectory(dir), Argon2Parameters.FAST_FOR_TESTS, REFERENCE, clock, new SecureRandom());
    }

    /** A first run as "admin" for office DKR (Dakar, Senegal). */
    public static Workspace firstRun(Path dir, Clock clock) {
        return installation(dir, clock).initialise(new FirstRun(ADMIN, "Aminata Diallo", PASSPHRASE.toCharArray(),
                "DKR", "Dakar", "SEN", "en"));
    }

    public static ReferenceData reference() {
        return REFERENCE;
    }
}
