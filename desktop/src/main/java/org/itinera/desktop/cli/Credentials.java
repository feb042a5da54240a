package org.itinera.desktop.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a command signs in: --user (or ITINERA_USER) and a passphrase from --passphrase-file,
 * the ITINERA_PASSPHRASE variable, or a prompt. Never from an argument (it would show in `ps`).
 */
public final class Credentials {
    @Option(names = {"-u", "--user"}, description = "Username (default: ITINERA_USER).")
    String user;

    @Option(names = "--passphrase-file", description = "File whose first line is the passphrase.")
    Path passphraseFile;

    String user() {
        String u = user != null ? user : System.getenv("ITINERA_USER");
        if (u == null || u.isBlank()) {
            throw new IllegalArgumentException("Give the username with --user or ITINERA_USER.");
        }
        return u;
    }

    char[] passphrase() {
        try {
            if (passphraseFile != null) {
                return Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).getFirst().toCharArray();
            }
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("Cannot read the passphrase file " + passphraseFile + ".");
        }
        String env = System.getenv("ITINERA_PASSPHRASE");
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No passphrase: use --passphrase-file or ITINERA_PASSPHRASE.");
        }
        return console.readPassword("Passphrase for %s: ", user());
    }
}
