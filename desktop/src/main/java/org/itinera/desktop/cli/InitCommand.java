package org.itinera.desktop.cli;

import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Headless first run (e.g. to prepare a laptop by script, or for the installer's smoke test). */
@Command(name = "init", description = "Creates the encrypted database with its first administrator and office.")
final class InitCommand extends WorkspaceCommand {
    @Option(names = "--name", description = "Administrator's full name.", required = true)
    String displayName;

    @Option(names = "--office-code", description = "Office code, e.g. DKR.", required = true)
    String officeCode;

    @Option(names = "--office-name", description = "Office name, e.g. Dakar.", required = true)
    String officeName;

    @Option(names = "--country", description = "Office country, ISO 3166 alpha-3, e.g. SEN.", required = true)
    String country;

    @Override
    int run(Messages m) {
        Installation inst = installation();
        if (inst.isInitialised()) {
            err().println(m.get("cli.init.exists", inst.directory().root()));
            return 1;
        }
        try (var ws = inst.initialise(new FirstRun(credentials.user(), displayName, credentials.passphrase(), officeCode,
                officeName, country, "en"))) {
            out().println(m.get("cli.init.done", inst.directory().root(), ws.currentUser().username()));
            out().println(m.get("syncformat.cli.deviceFingerprint", sync(ws).deviceKeys().ensureKeys().value()));
        } catch (org.itinera.core.validation.ValidationException e) {
            e.errors().forEach(fe -> err().println(fe.field() + ": " + m.get(fe.message())));
            return 1;
        }
        return 0;
    }
}
