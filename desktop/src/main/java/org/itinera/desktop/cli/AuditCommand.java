package org.itinera.desktop.cli;

import java.util.Optional;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.audit.AuditVerifier;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itinera audit verify}: checks every link of the audit chain and reports the first broken one. */
@Command(name = "audit", description = "The audit trail.", subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class})
final class AuditCommand {

    @Command(name = "verify", description = "Checks the hash chain of the audit trail; exit code 1 at the first broken link.")
    static final class Verify extends WorkspaceCommand {
        @Option(names = "--expect-head", paramLabel = "SEQ:HASH",
                description = "A head recorded elsewhere (by the hub): the chain must still contain it, unchanged.")
        String expectHead;

        @Override
        int run(Messages m) {
            Optional<AuditLog.Head> expected = Optional.ofNullable(expectHead).map(AuditLog.Head::parse);
            try (Workspace ws = signIn(installation())) {
                AuditVerifier.Result r = ws.audit().verify(ws.actor(), expected, ProgressSink.NONE);
                if (r.intact()) {
                    out().println(m.get("cli.audit.intact", r.entriesChecked(), r.head().toString()));
                    return 0;
                }
                AuditVerifier.Break b = r.firstBreak().orElseThrow();
                err().println(m.get("cli.audit.broken", b.seq(), m.label(b.problem()), b.problem().name()));
                return 1;
            }
        }
    }

    @Command(name = "head", description = "Prints the chain head (SEQ:HASH), as sync packages carry it.")
    static final class Head extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                out().println(ws.audit().head());
                return 0;
            }
        }
    }
}
