package org.itinera.desktop.cli;

import java.util.List;
import org.itinera.core.db.DatabaseCheck;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;

/** {@code itinera db check}: integrity, foreign keys, schema version and row counts. */
@Command(name = "db", description = "Database maintenance.", subcommands = {DbCommand.Check.class})
final class DbCommand {

    @Command(name = "check", description = "Checks the encrypted database: integrity, foreign keys, schema, counts.")
    static final class Check extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                DatabaseCheck.Report r = DatabaseCheck.run(ws.database());
                out().println(m.get("cli.db.schema", r.schemaVersion()));
                out().println(m.get("cli.db.integrity", String.join("; ", r.integrity())));
                out().println(m.get("cli.db.foreignKeys", r.foreignKeyProblems()));
                r.counts().forEach((table, n) -> out().println("  " + table + ": " + n));
                List<String> problems = r.problems();
                if (problems.isEmpty()) {
                    out().println(m.get("cli.db.ok"));
                    return 0;
                }
                problems.forEach(p -> err().println(p));
                return 1;
            }
        }
    }
}
