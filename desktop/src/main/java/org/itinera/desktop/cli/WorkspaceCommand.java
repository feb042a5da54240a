package org.itinera.desktop.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.demo.DemoSetup;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.SyncComponents;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on the signed-in database. Failures print one plain sentence (in the
 * interface language) and exit with 1; nothing is half-done because every write is a transaction.
 */
abstract class WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    ItineraCommand parent;

    @Mixin
    Credentials credentials;

    Messages messages() {
        return new Messages(parent.language == null ? Locale.getDefault() : Locale.forLanguageTag(parent.language));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Installation installation() {
        return new Installation(new DataDirectory(parent.dataDirectory()), Argon2Parameters.DEFAULT, new ReferenceData(),
                Clock.systemDefaultZone(), new SecureRandom());
    }

    /** Signs in (the demo installation signs in as its administrator) and runs the work. */
    Workspace signIn(Installation installation) {
        if (parent.demo && credentials.user == null && System.getenv("ITINERA_USER") == null) {
            return installation.signIn(DemoSetup.ADMIN, DemoSetup.PASSPHRASE.toCharArray());
        }
        return installation.signIn(credentials.user(), credentials.passphrase());
    }

    @Override
    public final Integer call() {
        parent = (ItineraCommand) spec.root().userObject();
        Messages m = messages();
        try {
            return run(m);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err().println(new ErrorMessages(m).describe(e));
            return 1;
        }
    }

    /** The sync pieces (device keys, trust) of a signed-in workspace. */
    SyncComponents sync(Workspace ws) {
        return SyncComponents.of(ws, new DataDirectory(parent.dataDirectory()));
    }

    abstract int run(Messages m);
}
