package org.itinera.desktop.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.recovery.RecoveryExchangeService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code itinera recovery …}: account recovery without network (docs/decisions/0008). On a laptop,
 * {@code enrol} (mission administrator) and {@code reset} (no sign-in: the person who forgot); on the
 * hub, {@code escrows} and {@code issue} (data officer or mission administrator).
 */
@Command(name = "recovery", description = "Account recovery with the hub: enrol a laptop, issue and use reset tokens.",
        subcommands = {RecoveryCommand.Enrol.class, RecoveryCommand.Escrows.class, RecoveryCommand.Issue.class,
                RecoveryCommand.Reset.class})
final class RecoveryCommand {

    @Command(name = "enrol", description = "Enrols this laptop for recovery with the hub of the trust bundle.")
    static final class Enrol extends WorkspaceCommand {
        @Option(names = "--hub", paramLabel = "NODE", description = "The hub: node id or name (default: the only hub).")
        String hub;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                RecoveryExchangeService.LaptopStatus s = sync(ws).recovery().enrol(ws.actor(), Optional.ofNullable(hub));
                out().println(m.get("recovery.cli.enrolled", s.hubName().orElse("?"), s.hubKeyFingerprint().orElse("?")));
                return 0;
            }
        }
    }

    @Command(name = "escrows", description = "On the hub: the laptops whose recovery key arrived (they can be helped).")
    static final class Escrows extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                List<RecoveryExchangeService.EscrowRow> rows = sync(ws).recovery().escrows(ws.actor());
                if (rows.isEmpty()) {
                    out().println(m.get("recovery.cli.noEscrows"));
                }
                for (RecoveryExchangeService.EscrowRow r : rows) {
                    out().println(m.get("recovery.cli.escrowLine", r.name(), r.nodeId(), r.receivedAt().toString(),
                            r.tokensQueued()));
                }
                return 0;
            }
        }
    }

    @Command(name = "issue", description = "On the hub: issues a reset token for an account of a laptop; prints the one-time code.")
    static final class Issue extends WorkspaceCommand {
        @Option(names = "--node", required = true, paramLabel = "N", description = "The laptop: node id or name.")
        String node;

        @Option(names = "--account", required = true, paramLabel = "U", description = "Username on that laptop.")
        String account;

        @Option(names = "--valid-days", paramLabel = "D", defaultValue = "3",
                description = "Days the token stays valid (1 to 7, default ${DEFAULT-VALUE}).")
        int validDays;

        @Option(names = "--token-out", paramLabel = "FILE", description = "Also write the token to this file "
                + "(for a laptop that cannot import packages). Never put the code with it.")
        Path tokenOut;

        @Override
        int run(Messages m) {
            if (validDays < 1 || validDays > RecoveryExchangeService.MAX_VALIDITY.toDays()) {
                throw new IllegalArgumentException(m.get("recovery.issue.validity",
                        RecoveryExchangeService.MAX_VALIDITY.toDays()));
            }
            if (tokenOut != null && Files.exists(tokenOut)) {
                throw new IllegalArgumentException("The file " + tokenOut + " already exists.");
            }
            try (Workspace ws = signIn(installation())) {
                RecoveryExchangeService.Issued t = sync(ws).recovery().issue(ws.actor(), node, account,
                        Duration.ofDays(validDays));
                out().println(m.get("recovery.cli.issued", t.tokenId(), t.username(), t.nodeName(),
                        t.expiresAt().toString()));
                if (tokenOut != null) {
                    try {
                        Files.write(tokenOut, t.token(), StandardOpenOption.CREATE_NEW);
                    } catch (IOException e) {
                        throw new IllegalArgumentException("Cannot write " + tokenOut + ".");
                    }
                    out().println(m.get("recovery.cli.tokenWritten", tokenOut.toString()));
                }
                out().println(m.get("recovery.cli.code", t.code()));
                return 0;
            }
        }
    }

    /**
     * The person who forgot their passphrase, without signing in: the token (a file, or received
     * in a package), the one-time code and the new passphrase twice, asked on the terminal (or read
     * line by line from standard input when there is none, for scripts).
     */
    @Command(name = "reset", description = "Sets a new passphrase with a reset token and its one-time code (no sign-in).")
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--account", required = true, paramLabel = "U", description = "Your username on this laptop.")
        String account;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--token", paramLabel = "FILE", description = "The reset token file from the hub.")
            Path token;

            @Option(names = "--from-received", description = "Use the token that arrived in a sync package.")
            boolean received;
        }

        @Override
        public Integer call() {
            ItineraCommand root = (ItineraCommand) spec.root().userObject();
            Messages m = new Messages(root.language == null ? Locale.getDefault() : Locale.forLanguageTag(root.language));
            try {
                Optional<byte[]> token = Optional.empty();
                if (source.token != null) {
                    try {
                        token = Optional.of(Files.readAllBytes(source.token));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("Cannot read " + source.token + ".");
                    }
                }
                Prompt prompt = new Prompt();
                char[] code = prompt.ask(m.get("recovery.cli.askCode"));
                char[] first = prompt.ask(m.get("recovery.cli.askNew"));
                char[] again = prompt.ask(m.get("recovery.cli.askAgain"));
                if (!Arrays.equals(first, again)) {
                    spec.commandLine().getErr().println(m.get("recovery.cli.mismatch"));
                    return 2;
                }
                Installation inst = new Installation(new org.itinera.core.db.DataDirectory(root.dataDirectory()),
                        org.itinera.core.keys.Argon2Parameters.DEFAULT, new org.itinera.core.reference.ReferenceData(),
                        java.time.Clock.systemDefaultZone(), new java.security.SecureRandom());
                try (Workspace ws = inst.recover(account, token, code, first)) {
                    spec.commandLine().getOut().println(m.get("recovery.cli.reset", ws.currentUser().username()));
                } finally {
                    Arrays.fill(code, ' ');
                    Arrays.fill(first, ' ');
                    Arrays.fill(again, ' ');
                }
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println(new ErrorMessages(m).describe(e));
                return 1;
            }
        }

        /** The terminal if there is one (nothing echoed), else standard input, one answer per line. */
        private final class Prompt {
            private final Console console = System.console();
            private BufferedReader lines;

            char[] ask(String question) {
                if (console != null) {
                    char[] answer = console.readPassword("%s", question);
                    if (answer == null) {
                        throw new IllegalArgumentException("No answer.");
                    }
                    return answer;
                }
                try {
                    if (lines == null) {
                        lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    }
                    String line = lines.readLine();
                    if (line == null) {
                        throw new IllegalArgumentException("No answer on standard input for: " + question.strip());
                    }
                    return line.toCharArray();
                } catch (IOException e) {
                    throw new IllegalArgumentException("Cannot read standard input.");
                }
            }
        }
    }
}
