package org.itinera.desktop.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.desktop.AppConfig;
import org.itinera.desktop.DesktopLauncher;
import org.itinera.desktop.StartupExit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itinera}: with no subcommand, the desktop application. */
@Command(name = "itinera", mixinStandardHelpOptions = true, version = "Itinera 0.1.0",
        description = "Offline-first case management for migrant-assistance missions.%n"
                + "Without a command, opens the application window.",
        subcommands = {InitCommand.class, DemoDataCommand.class, DbCommand.class, TrustCommand.class,
                ManifestCommand.class, AuditCommand.class, CaseCommand.class, SyncCommand.class,
                UpdateCommand.class, RecoveryCommand.class})
public final class ItineraCommand implements Callable<Integer> {
    /** Exit code meaning "the window is open; do not exit the JVM". */
    public static final int GUI_STARTED = -1;
    public static final int DEMO_PERSONS = 10_000;

    @Option(names = "--data-dir", description = "Data directory (default: the OS user-data folder, or ITINERA_HOME).")
    Path dataDir;

    @Option(names = "--demo", description = "Use a separate demo installation, created on first use with generated persons (see --demo-persons).")
    boolean demo;

    @Option(names = "--demo-persons", description = "How many persons a new demo installation gets (default ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int demoPersons;

    @Option(names = "--lang", description = "Interface language: en, fr or ar.")
    String language;

    @Option(names = "--exit-when", hidden = true, defaultValue = "NEVER",
            description = "Start-up probe: close the window again when it is SHOWN or once SIGNED_IN (installer training, measurements, smoke test).")
    StartupExit exitWhen;

    @Override
    public Integer call() {
        DesktopLauncher.launch(new AppConfig(dataDirectory(), demo, demoPersons, Argon2Parameters.DEFAULT, language), exitWhen);
        return GUI_STARTED;
    }

    Path dataDirectory() {
        return resolve(dataDir, demo);
    }

    static Path resolve(Path explicit, boolean demo) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        Map<String, String> env = System.getenv();
        String home = env.get("ITINERA_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home)
                : DataDirectory.forCurrentUser(env, System.getProperty("os.name"), Path.of(System.getProperty("user.home"))).root();
        return demo ? base.resolveSibling(base.getFileName() + "-demo") : base;
    }

    /** Finds --data-dir/--demo before picocli runs, so logging can be pointed there first. */
    public static Path dataDirectoryFrom(String[] args) {
        Path explicit = null;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                explicit = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                explicit = Path.of(args[i].substring("--data-dir=".length()));
            } else if (args[i].equals("--demo")) {
                demo = true;
            }
        }
        return resolve(explicit, demo);
    }
}
