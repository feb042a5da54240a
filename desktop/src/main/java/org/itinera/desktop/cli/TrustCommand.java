package org.itinera.desktop.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.SyncComponents;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;
import org.itinera.sync.trust.BundleDraft;
import org.itinera.sync.trust.DeviceCard;
import org.itinera.sync.trust.RootKeyFile;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code itinera trust …}: the offline root tooling (init-root, enrol, revoke, sign-bundle,
 * escrow-identity: files only, no database) and this node's side (show, device-card, import-root,
 * import-bundle, rotate-key).
 */
@Command(name = "trust", description = "Keys and trust bundles: offline root tooling and this device's keys.",
        subcommands = {TrustCommand.InitRoot.class, TrustCommand.Enrol.class, TrustCommand.Revoke.class,
                TrustCommand.SignBundle.class, TrustCommand.EscrowIdentity.class, TrustCommand.Show.class,
                TrustCommand.Card.class, TrustCommand.ImportRoot.class, TrustCommand.ImportBundle.class,
                TrustCommand.RotateKey.class})
final class TrustCommand {

    /** A root-machine command: works on the root folder's files, never on a database. */
    abstract static class RootCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--root-dir", description = "Folder of the root key (on the offline machine).")
        Path rootDir;

        @Option(names = "--root-passphrase-file", description = "File whose first line is the root key passphrase "
                + "(default: ITINERA_ROOT_PASSPHRASE, or a prompt).")
        Path passphraseFile;

        Messages messages() {
            ItineraCommand root = (ItineraCommand) spec.root().userObject();
            return new Messages(root.language == null ? Locale.getDefault() : Locale.forLanguageTag(root.language));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        char[] rootPassphrase() {
            try {
                if (passphraseFile != null) {
                    return Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).getFirst().toCharArray();
                }
            } catch (IOException | java.util.NoSuchElementException e) {
                throw new IllegalArgumentException("Cannot read the passphrase file " + passphraseFile + ".");
            }
            String env = System.getenv("ITINERA_ROOT_PASSPHRASE");
            if (env != null) {
                return env.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("No root passphrase: use --root-passphrase-file or ITINERA_ROOT_PASSPHRASE.");
            }
            return console.readPassword("Root key passphrase: ");
        }

        Path rootDir() {
            if (rootDir == null) {
                throw new IllegalArgumentException("Give the root key folder with --root-dir.");
            }
            return rootDir;
        }

        static Fingerprint fingerprint(String typed) {
            return Fingerprint.parse(typed).orElseThrow(() -> new IllegalArgumentException(
                    "Not a fingerprint: expected 16 letters and digits like 7KQF-3MZP-X2RA-9HDV."));
        }

        @Override
        public final Integer call() {
            Messages m = messages();
            try {
                return run(m);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println(new ErrorMessages(m).describe(e));
                return 1;
            }
        }

        abstract int run(Messages m);
    }

    @Command(name = "init-root", description = "Creates the organisation's root key (and escrow identity) in a new folder.")
    static final class InitRoot extends RootCommand {
        @Option(names = "--out", description = "Folder to create the root key in.", required = true)
        Path out;

        @Option(names = "--kdf-fast", hidden = true, description = "Cheap key derivation, for tests only.")
        boolean fast;

        @Override
        int run(Messages m) {
            char[] pass = rootPassphrase();
            if (pass.length < 12) {
                throw new IllegalArgumentException("The root passphrase needs at least 12 characters.");
            }
            VerifyKey pub = RootKeyFile.create(out, pass, fast ? Argon2Parameters.FAST_FOR_TESTS : RootKeyFile.KDF,
                    new SecureRandom());
            new BundleDraft(out, Clock.systemUTC()).start(pub, Optional.of(RootKeyFile.escrowRecipient(out)));
            out().println(m.get("syncformat.cli.rootCreated", out.toString(), RootKeyFile.fingerprint(pub).value()));
            return 0;
        }
    }

    @Command(name = "enrol", description = "Adds a device or hub to the next bundle, by its card and the fingerprint on its screen.")
    static final class Enrol extends RootCommand {
        @Option(names = "--card", description = "The device card file (itinera trust device-card).", required = true)
        Path card;

        @Option(names = "--fingerprint", description = "The fingerprint shown on the device's screen.", required = true)
        String typed;

        @Option(names = "--as-hub", description = "Enrol this installation as the hub (it keeps laptops' recovery "
                + "keys and issues passphrase reset tokens).")
        boolean asHub;

        @Override
        int run(Messages m) {
            DeviceCard c;
            try {
                c = DeviceCard.parse(Files.readAllBytes(card)).orElseThrow(() -> new IllegalArgumentException(
                        "Not a device card: " + card + "."));
                if (asHub) {
                    c = new DeviceCard(c.format(), c.nodeId(), c.name(), org.itinera.sync.trust.NodeKind.HUB, c.keyId(),
                            c.signKey(), c.ageRecipient(), c.fingerprint());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the card " + card + ".");
            }
            TrustBundle.NodeKey k = new BundleDraft(rootDir(), Clock.systemUTC()).enrol(c, fingerprint(typed));
            out().println(m.get("syncformat.cli.enrolled", k.name(), k.fingerprint()));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revokes a key in the next bundle: its packages will be quarantined.")
    static final class Revoke extends RootCommand {
        @Option(names = "--fingerprint", description = "Fingerprint of the key to revoke.", required = true)
        String typed;

        @Option(names = "--reason", description = "Why (kept in the bundle; no personal data).")
        String reason;

        @Override
        int run(Messages m) {
            TrustBundle.NodeKey k = new BundleDraft(rootDir(), Clock.systemUTC()).revoke(fingerprint(typed), reason);
            out().println(m.get("syncformat.cli.revoked", k.name(), k.fingerprint()));
            return 0;
        }
    }

    @Command(name = "sign-bundle", description = "Signs the next trust bundle with the root key.")
    static final class SignBundle extends RootCommand {
        @Option(names = "--out", description = "Folder for the bundle file (default: the root folder).")
        Path outDir;

        @Override
        int run(Messages m) {
            BundleDraft draft = new BundleDraft(rootDir(), Clock.systemUTC());
            Path file;
            try (SigningKey root = RootKeyFile.unlock(rootDir(), rootPassphrase())) {
                file = draft.sign(root, outDir == null ? rootDir() : outDir);
            }
            TrustBundle b = draft.load();
            out().println(m.get("syncformat.cli.bundleSigned", b.serial(), file.toString(), b.nodes().size(),
                    b.revoked().size()));
            return 0;
        }
    }

    @Command(name = "escrow-identity", description = "Writes the escrow age identity (opens any package with age -d -i).")
    static final class EscrowIdentity extends RootCommand {
        @Option(names = "--out", description = "File to write the identity to (keep it offline).", required = true)
        Path out;

        @Override
        int run(Messages m) {
            try (AgeIdentity id = RootKeyFile.unlockEscrow(rootDir(), rootPassphrase())) {
                Files.write(out, id.encoded(), java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot write " + out + " (it must not exist yet).");
            }
            out().println(m.get("syncformat.cli.escrowWritten", out.toString()));
            return 0;
        }
    }

    @Command(name = "show", description = "Shows this device's fingerprint and what it trusts.")
    static final class Show extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                SyncComponents sync = sync(ws);
                DeviceCard card = sync.deviceKeys().card();
                TrustSnapshot trust = sync.trust().snapshot();
                out().println(m.get("syncformat.cli.node", card.name(), card.nodeId(), m.label(card.kind())));
                out().println(m.get("syncformat.cli.deviceFingerprint", card.fingerprint()));
                out().println(trust.root().map(r -> m.get("syncformat.cli.rootFingerprint",
                        RootKeyFile.fingerprint(r).value())).orElse(m.get("syncformat.cli.noRoot")));
                out().println(trust.bundle().map(b -> m.get("syncformat.cli.bundle", b.serial(), b.nodes().size(),
                        b.revoked().size())).orElse(m.get("syncformat.cli.noBundle")));
                return 0;
            }
        }
    }

    @Command(name = "device-card", description = "Writes this device's public card for enrolment by the administrator.")
    static final class Card extends WorkspaceCommand {
        @Option(names = "--out", description = "File to write.", required = true)
        Path out;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                DeviceCard card = sync(ws).deviceKeys().card();
                Files.write(out, card.toJson());
                out().println(m.get("syncformat.cli.cardWritten", out.toString(), card.fingerprint()));
                return 0;
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot write " + out + ".");
            }
        }
    }

    @Command(name = "import-root", description = "Pins the organisation's root public key (once), checking its fingerprint.")
    static final class ImportRoot extends WorkspaceCommand {
        @Parameters(index = "0", description = "root.pub from the root folder.")
        Path file;

        @Option(names = "--fingerprint", description = "Root fingerprint, as printed by init-root.", required = true)
        String typed;

        @Override
        int run(Messages m) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + file + ".");
            }
            try (Workspace ws = signIn(installation())) {
                Fingerprint fp = sync(ws).trust().pinRoot(ws.actor(), text, RootCommand.fingerprint(typed));
                out().println(m.get("syncformat.cli.rootPinned", fp.value()));
                return 0;
            }
        }
    }

    @Command(name = "import-bundle", description = "Loads a trust bundle file (and its .minisig) signed by the pinned root.")
    static final class ImportBundle extends WorkspaceCommand {
        @Parameters(index = "0", description = "trust-bundle-<serial>.json")
        Path file;

        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                TrustBundle b = sync(ws).trust().importBundle(ws.actor(), BundleDraft.readBundleFile(file));
                out().println(m.get("syncformat.cli.bundle", b.serial(), b.nodes().size(), b.revoked().size()));
                return 0;
            }
        }
    }

    @Command(name = "rotate-key", description = "Replaces this device's keys; the old key signs the hand-over.")
    static final class RotateKey extends WorkspaceCommand {
        @Override
        int run(Messages m) {
            try (Workspace ws = signIn(installation())) {
                Fingerprint fp = sync(ws).deviceKeys().rotate(ws.actor());
                out().println(m.get("syncformat.cli.rotated", fp.value()));
                return 0;
            }
        }
    }
}
