package org.itinera.desktop.cli;

import java.nio.file.Path;
import java.util.List;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.sync.SyncLabels;
import org.itinera.sync.exchange.ConflictService;
import org.itinera.sync.exchange.ExportService;
import org.itinera.sync.exchange.ImportReport;
import org.itinera.sync.exchange.PeerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code itinera sync export --to NODE --out DIR}, {@code sync import FILE…}, {@code sync peers},
 * {@code sync conflicts}: package exchange from the command line (a USB stick, a shared folder).
 */
@Command(name = "sync", description = "Exchange sync packages with the hub or another laptop.",
        subcommands = {SyncCommand.Export.class, SyncCommand.Import.class, SyncCommand.Peers.class,
                SyncCommand.Conflicts.class})
final class SyncCommand {

    @Command(name = "export", description = "Writes every change the peer has not acknowledged into package files.")
    static final class Export extends WorkspaceCommand {
        @Option(names = "--to", required = true, paramLabel = "NODE", description = "The peer: its node id or its name in the trust bundle.")
        String to;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the packages into (e.g. a USB stick).")
        Path out;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                ExportService.ExportResult r = sync(ws).export().export(ws.actor(), to, out, ProgressSink.NONE);
                for (ExportService.ExportedPackage p : r.packages()) {
                    out().println(m.get("sync.cli.exported", p.file().toString(), p.changes(), p.attachments(), p.bytes()));
                }
                out().println(m.get("sync.cli.exportSummary", r.packages().size(), r.changes(), r.peerName()));
                return 0;
            }
        }
    }

    @Command(name = "import", description = "Verifies and applies package files (or every .itp in the folders given).")
    static final class Import extends WorkspaceCommand {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Package files or folders.")
        List<Path> files;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                List<ImportReport> reports = sync(ws).imports().importFiles(ws.actor(), files, ProgressSink.NONE);
                SyncLabels labels = new SyncLabels(m);
                boolean refused = false;
                for (ImportReport r : reports) {
                    out().println(m.get("sync.cli.importLine", r.fileName(), m.get("sync.status." + r.status().name().toLowerCase(java.util.Locale.ROOT)), m.get(r.message())));
                    for (ImportReport.RejectedRecord x : r.rejected()) {
                        out().println(m.get("sync.cli.rejectedRecord", labels.record(x.table()), labels.isolate(x.rowId()),
                                m.get(x.reason())));
                    }
                    refused |= r.status() == ImportReport.Status.REJECTED || r.status() == ImportReport.Status.QUARANTINED;
                }
                return refused ? 1 : 0;
            }
        }
    }

    @Command(name = "peers", description = "Per peer: last package sent and received, missing packages, unacknowledged changes.")
    static final class Peers extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                for (PeerService.PeerStatus p : sync(ws).peers().peers(ws.actor())) {
                    out().println(m.get("sync.cli.peerLine", p.name(), p.nodeId(), p.lastSentSeq(), p.lastReceivedSeq(),
                            p.missing().size(), p.unacknowledged(), p.conflicts()));
                }
                return 0;
            }
        }
    }

    @Command(name = "conflicts", description = "Lists the open conflicts (both values, who and when).")
    static final class Conflicts extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                SyncLabels labels = new SyncLabels(m);
                for (ConflictService.Conflict c : sync(ws).conflicts().open(ws.actor())) {
                    String record = labels.record(c.table());
                    String field = labels.field(c.column());
                    String row = labels.isolate(c.rowId());
                    out().println(c.person()
                            .map(name -> m.get("sync.cli.conflictLinePerson", labels.isolate(c.id()), record, row, field,
                                    labels.isolate(name)))
                            .orElseGet(() -> m.get("sync.cli.conflictLine", labels.isolate(c.id()), record, row, field)));
                    for (ConflictService.Version v : c.versions()) {
                        out().println(m.get("sync.cli.conflictVersion", labels.value(c.table(), c.column(), v.text()),
                                labels.isolate(v.nodeName()), labels.isolate(v.writtenAt().toString())));
                    }
                }
                return 0;
            }
        }
    }
}
