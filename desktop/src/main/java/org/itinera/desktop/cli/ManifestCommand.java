package org.itinera.desktop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.itinera.core.movement.GateRefusedException;
import org.itinera.core.movement.Manifest;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itinera manifest print --manifest ID --out FILE.pdf}: prints a manifest headless (automation, tests). */
@Command(name = "manifest", description = "Travel manifests.", subcommands = {ManifestCommand.Print.class})
final class ManifestCommand {

    @Command(name = "print", description = "Prints a manifest to a PDF file, after checking every passenger again.")
    static final class Print extends WorkspaceCommand {
        @Option(names = "--manifest", description = "Manifest id (as in its QR code).", required = true)
        String manifestId;

        @Option(names = "--out", description = "PDF file to write.", required = true)
        Path out;

        @Option(names = "--print-lang", description = "Language of the printed manifest: en or fr (default: en).",
                defaultValue = "en")
        String printLanguage;

        @Override
        int run(Messages m) {
            if (!"en".equals(printLanguage) && !"fr".equals(printLanguage)) {
                throw new IllegalArgumentException("--print-lang must be en or fr.");
            }
            Messages print = new Messages(Locale.forLanguageTag(printLanguage));
            try (Workspace ws = signIn(installation())) {
                Manifest manifest = ws.manifests().find(ws.actor(), manifestId).orElse(null);
                if (manifest == null) {
                    err().println(m.get("cli.manifest.unknown", manifestId));
                    return 1;
                }
                // written beside the target and moved into place, so a refusal never leaves half a file
                Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
                try {
                    try (OutputStream file = Files.newOutputStream(tmp)) {
                        ws.manifests().print(ws.actor(), manifestId, print::get, file);
                    }
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                } catch (GateRefusedException e) {
                    deleteQuietly(tmp);
                    err().println(m.get(e.userMessage()));
                    e.blocked().forEach(c -> c.problems().forEach(p -> err().println("  " + c.name() + ": " + m.get(p.message()))));
                    return 1;
                } catch (IOException | java.io.UncheckedIOException e) {
                    deleteQuietly(tmp);
                    err().println(m.get("cli.manifest.cantWrite", out.toString()));
                    return 1;
                } catch (RuntimeException e) {
                    deleteQuietly(tmp);
                    throw e;
                }
                out().println(m.get("cli.manifest.printed", manifest.manifestNo(), out.toAbsolutePath().toString()));
                return 0;
            }
        }

        private static void deleteQuietly(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // nothing more to clean up
            }
        }
    }
}
