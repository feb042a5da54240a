package org.itinera.desktop.cli;

import java.util.Locale;
import org.itinera.core.demo.DemoSetup;
import org.itinera.core.demo.DemoSummary;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itinera demo-data --persons N}: realistic generated data, through the normal write path. */
@Command(name = "demo-data", description = "Generates demo persons, households and cases (deterministic for a seed).")
final class DemoDataCommand extends WorkspaceCommand {
    @Option(names = "--persons", description = "How many persons (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    int persons;

    @Option(names = "--seed", description = "Seed; the same seed gives the same people (default ${DEFAULT-VALUE}).",
            defaultValue = "2026")
    long seed;

    @Override
    int run(Messages m) {
        Installation inst = installation();
        if (parent.demo && DemoSetup.prepare(inst, persons, progress())) {
            out().println(m.get("cli.demo.created", inst.directory().root(), persons, DemoSetup.ADMIN));
            return 0;
        }
        try (Workspace ws = signIn(inst)) {
            DemoSummary s = ws.demoData(seed).generate(ws.actor(), persons, progress());
            out().println(m.get("cli.demo.done", s.persons(), s.households(), s.cases(), s.movements(),
                    String.format(Locale.ROOT, "%.1f", s.took().toMillis() / 1000.0)));
        }
        return 0;
    }

    private ProgressSink progress() {
        return new ProgressSink() {
            private long lastPercent = -1;

            @Override
            public void report(long done, long total) {
                long percent = total == 0 ? 0 : done * 100 / total;
                if (percent / 10 != lastPercent / 10) {
                    lastPercent = percent;
                    err().printf("%d%%%n", percent);
                    err().flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
