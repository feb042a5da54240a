package org.itinera.desktop.cli;

import org.itinera.core.casefile.CaseSummary;
import org.itinera.core.timeline.CaseTimeline;
import org.itinera.core.timeline.TimelineItem;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code itinera case show ID}: a case's summary and timeline, as the signed-in user may see them
 * (a movement officer sees no assistance, nobody but medical staff sees that an assessment took place).
 */
@Command(name = "case", description = "Case files.", subcommands = {CaseCommand.Show.class})
final class CaseCommand {

    @Command(name = "show", description = "Prints a case summary and its timeline, as the signed-in user may see them.")
    static final class Show extends WorkspaceCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Case id or case number.")
        String caseRef;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                CaseTimeline t;
                try {
                    t = ws.timeline().ofCase(ws.actor(), caseRef);
                } catch (ValidationException e) {
                    e.errors().forEach(fe -> err().println(m.get(fe.message())));
                    return 1;
                }
                CaseSummary c = t.summary();
                out().println(m.get("timeline.cli.case", c.caseNo(), m.label(c.type()), m.label(c.status())));
                out().println(m.get("timeline.cli.person", c.personName()));
                out().println(m.get("timeline.cli.office", t.officeName()));
                out().println(m.get("timeline.cli.opened", c.openedOn()));
                out().println(m.get("timeline.cli.items", t.items().size()));
                for (TimelineItem i : t.items()) {
                    out().println(i.date() + "  " + m.label(i.kind()) + ": " + m.get(i.summary()));
                }
                return 0;
            }
        }
    }
}
