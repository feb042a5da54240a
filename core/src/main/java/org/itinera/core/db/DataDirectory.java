package org.itinera.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where one installation keeps its data: the encrypted database, the keyring, backups, logs and
 * temporary files. Always in the user's data directory, never beside the application binaries.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** The OS convention: XDG on Linux, %LOCALAPPDATA% on Windows, Application Support on macOS. */
    public static DataDirectory forCurrentUser(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString());
            return new DataDirectory(Path.of(local, "Itinera"));
        }
        if (os.contains("mac")) {
            return new DataDirectory(home.resolve("Library/Application Support/Itinera"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return new DataDirectory(base.resolve("itinera"));
    }

    public Path database() {
        return root.resolve("itinera.db");
    }

    public Path keyring() {
        return root.resolve("keyring.json");
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** SQLite's native library and any scratch file go here (a noexec /tmp breaks the native load). */
    public Path temp() {
        return root.resolve("tmp");
    }

    public Path exports() {
        return root.resolve("exports");
    }

    public boolean isInitialised() {
        return Files.exists(keyring());
    }

    public DataDirectory create() throws IOException {
        for (Path p : new Path[] {root, backups(), logs(), temp(), exports()}) {
            Files.createDirectories(p);
        }
        return this;
    }
}
