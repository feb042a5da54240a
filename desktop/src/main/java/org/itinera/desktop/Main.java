package org.itinera.desktop;

import java.nio.file.Path;
import org.itinera.desktop.cli.ItineraCommand;
import picocli.CommandLine;

/**
 * The single entry point of the application jar: with no subcommand it opens the window, with one
 * it runs headless (see {@code itinera --help}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // before any logger exists: logs go to the data directory, and SQLite unpacks its native
        // library there too (a noexec /tmp would break it)
        Path dataDir = ItineraCommand.dataDirectoryFrom(args);
        System.setProperty("itinera.logdir", dataDir.resolve("logs").toString());
        System.setProperty("org.sqlite.tmpdir", dataDir.resolve("tmp").toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        try {
            java.nio.file.Files.createDirectories(dataDir.resolve("tmp"));
            java.nio.file.Files.createDirectories(dataDir.resolve("logs"));
        } catch (java.io.IOException e) {
            System.err.println("Cannot create the data directory " + dataDir + ": " + e.getMessage()); // NOPMD
            System.exit(2);
        }
        int code = new CommandLine(new ItineraCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != ItineraCommand.GUI_STARTED) {
            System.exit(code);
        }
    }
}
