package org.itinera.sync.exchange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;

/** Child JVM of {@link KillDuringImportTest}: signs in to a data directory and imports one package. */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) {
        try (SyncNode node = SyncNode.open("hub", args[1], Path.of(args[0]), Clock.systemUTC(), PackageLimits.DEFAULT)) {
            node.imports.importFiles(node.ws.actor(), List.of(Path.of(args[2])), ProgressSink.NONE);
        }
    }
}
