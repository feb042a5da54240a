package org.itinera.desktop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.update.UpdateSignature;
import org.itinera.sync.crypto.SigningKey;
import org.itinera.sync.crypto.VerifyKey;
import org.itinera.sync.trust.RootKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code itinera update …}: offline updates (ADR 0010). {@code verify} checks an update file from a
 * USB stick against its {@code .minisig} and the organisation's public key before anyone installs
 * it; {@code sign} is the root machine's side. Files only, no database.
 */
@Command(name = "update", description = "Offline updates: sign an update file, or verify one before installing it.",
        subcommands = {UpdateCommand.Verify.class, UpdateCommand.Sign.class})
final class UpdateCommand {

    @Command(name = "verify", description = "Checks an update file (e.g. itinera_0.2.0_amd64.deb) against FILE.minisig "
            + "and the organisation's public key. Exit 0 only when it may be installed.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The update file.")
        Path file;

        @Option(names = "--key", required = true, description = "The organisation's public key (root.pub, minisign format).")
        Path key;

        @Option(names = "--signature", description = "The signature file (default: FILE.minisig beside it).")
        Path signature;

        @Override
        public Integer call() {
            ItineraCommand root = (ItineraCommand) spec.root().userObject();
            Messages m = new Messages(root.language == null ? Locale.getDefault() : Locale.forLanguageTag(root.language));
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            String name = file.getFileName().toString();
            Optional<VerifyKey> pub;
            try {
                pub = VerifyKey.fromMinisignFile(Files.readString(key, StandardCharsets.US_ASCII));
            } catch (IOException | java.io.UncheckedIOException e) {
                pub = Optional.empty();
            }
            if (pub.isEmpty()) {
                err.println(m.get("update.notKey", key.toString()));
                return 2;
            }
            if (!Files.isRegularFile(file)) {
                err.println(m.get("update.cannotRead", file.toString()));
                return 2;
            }
            Path sigFile = signature == null ? UpdateSignature.signatureOf(file) : signature;
            UpdateSignature.Result r;
            try {
                r = UpdateSignature.check(file, sigFile, pub.get());
            } catch (IOException e) {
                err.println(m.get("update.cannotRead", file.toString()));
                return 2;
            }
            String when = r.signedAt().map(t -> DateTimeFormatter.ISO_LOCAL_DATE.format(t.atOffset(ZoneOffset.UTC)))
                    .orElse("?");
            switch (r.outcome()) {
                case VERIFIED -> {
                    out.println(m.get("update.verified", name, pub.get().keyIdHex(), when));
                    return 0;
                }
                case TAMPERED -> err.println(m.get("update.tampered", name));
                case OTHER_KEY -> err.println(m.get("update.otherKey", name, r.keyId(), pub.get().keyIdHex()));
                case OTHER_FILE -> err.println(m.get("update.otherFile", name, r.signedFile()));
                case NO_SIGNATURE -> err.println(m.get("update.noSignature", name, sigFile.toString()));
                case NOT_A_SIGNATURE -> err.println(m.get("update.notSignature", sigFile.toString()));
            }
            err.println(m.get("update.doNotInstall"));
            return 1;
        }
    }

    @Command(name = "sign", description = "Signs an update file with the root key (on the offline machine): writes FILE.minisig.")
    static final class Sign extends TrustCommand.RootCommand {
        @Parameters(index = "0", description = "The update file to sign.")
        Path file;

        @Override
        int run(Messages m) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(m.get("update.cannotRead", file.toString()));
            }
            Path sigFile = UpdateSignature.signatureOf(file);
            try (SigningKey rootKey = RootKeyFile.unlock(rootDir(), rootPassphrase())) {
                String text = UpdateSignature.sign(rootKey, file, Instant.now());
                Files.writeString(sigFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                out().println(m.get("update.signed", file.getFileName().toString(), sigFile.toString(),
                        rootKey.publicKey().keyIdHex()));
                return 0;
            } catch (IOException e) {
                throw new IllegalArgumentException(m.get("update.cannotRead", file.toString()));
            }
        }
    }
}
