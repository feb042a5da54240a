package org.itinera.sync.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.itinera.core.recovery.RecoveryCrypto;
import org.itinera.core.recovery.RecoveryEscrow;
import org.itinera.core.recovery.RecoveryException;
import org.itinera.core.recovery.ResetToken;
import org.itinera.core.recovery.ResetTokens;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.crypto.VerifyKey;

/**
 * Checks the recovery entries of a package whose manifest already verified (so their bytes are the
 * signed ones): sizes, exact JSON shapes, the escrow naming the sending node, the receipt naming
 * this node, and every reset token signed by the key that signed the package. Anything else refuses
 * the whole package ({@link RejectReason#MALFORMED_RECOVERY}); whether a token suits this laptop
 * (its enrolled hub key, node, expiry, use) is decided later by core's account recovery.
 */
final class RecoveryEntryCheck {
    private static final ObjectMapper JSON = SyncJson.strict(RecoveryEntries.MAX_DOCUMENT_BYTES, 1024);
    private static final Set<String> ESCROW_FIELDS = Set.of("format", "node", "secret_id", "ephemeral", "sealed");
    private static final Set<String> RECEIPT_FIELDS = Set.of("format", "node", "secret_id", "received_at");

    private RecoveryEntryCheck() {
    }

    static RecoveryEntries read(StrictZip zip, Manifest manifest, VerifyKey signer) throws IOException {
        Optional<byte[]> escrow = Optional.empty();
        StrictZip.Entry e = zip.entries().get(EntryNames.RECOVERY_ESCROW);
        if (e != null) {
            byte[] b = zip.readAll(e, RecoveryEntries.MAX_DOCUMENT_BYTES);
            checkEscrow(b, manifest.from().node());
            escrow = Optional.of(b);
        }
        List<byte[]> tokens = List.of();
        StrictZip.Entry t = zip.entries().get(EntryNames.RECOVERY_TOKENS);
        if (t != null) {
            tokens = tokens(zip.readAll(t, RecoveryEntries.MAX_TOKENS * (RecoveryEntries.MAX_TOKEN_BYTES + 1)), signer);
        }
        Optional<byte[]> receipt = Optional.empty();
        StrictZip.Entry r = zip.entries().get(EntryNames.RECOVERY_RECEIPT);
        if (r != null) {
            byte[] b = zip.readAll(r, RecoveryEntries.MAX_DOCUMENT_BYTES);
            checkReceipt(b, manifest.to());
            receipt = Optional.of(b);
        }
        return new RecoveryEntries(escrow, tokens, receipt);
    }

    private static void checkEscrow(byte[] bytes, String sender) throws Refusal {
        JsonNode n = object(bytes, ESCROW_FIELDS, "escrow.json");
        RecoveryEscrow parsed;
        try {
            parsed = RecoveryEscrow.fromJson(bytes);
        } catch (RecoveryException ex) {
            throw refuse("escrow.json format");
        }
        if (!parsed.node().equals(sender)) {
            throw refuse("escrow.json is not the sender's");
        }
        if (!Manifest.UUID.matcher(parsed.secretId()).matches() || decodedLength(parsed.ephemeral()) != 32
                || decodedLength(parsed.sealed()) < 28 || decodedLength(parsed.sealed()) > 256) {
            throw refuse("escrow.json fields");
        }
        if (n.size() != ESCROW_FIELDS.size()) {
            throw refuse("escrow.json fields");
        }
    }

    private static void checkReceipt(byte[] bytes, String self) throws Refusal {
        JsonNode n = object(bytes, RECEIPT_FIELDS, "escrow-receipt.json");
        if (!RecoveryEntries.RECEIPT_FORMAT.equals(n.path("format").asText()) || !self.equals(n.path("node").asText())
                || !Manifest.UUID.matcher(n.path("secret_id").asText()).matches()) {
            throw refuse("escrow-receipt.json fields");
        }
        try {
            java.time.Instant.parse(n.path("received_at").asText());
        } catch (java.time.format.DateTimeParseException ex) {
            throw refuse("escrow-receipt.json time");
        }
    }

    private static List<byte[]> tokens(byte[] all, VerifyKey signer) throws Refusal {
        if (all.length == 0 || all[all.length - 1] != '\n') {
            throw refuse("tokens.ndjson not line-terminated");
        }
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                byte[] line = Arrays.copyOfRange(all, start, i);
                start = i + 1;
                if (line.length == 0 || line.length > RecoveryEntries.MAX_TOKEN_BYTES
                        || out.size() == RecoveryEntries.MAX_TOKENS) {
                    throw refuse("tokens.ndjson line");
                }
                try {
                    ResetToken token = ResetTokens.verify(line, RecoveryCrypto.ed25519(signer.raw()));
                    if (!Manifest.UUID.matcher(token.node()).matches()) {
                        throw refuse("token node");
                    }
                } catch (RecoveryException ex) {
                    throw refuse("reset token " + ex.reason());
                }
                out.add(line);
            }
        }
        return out;
    }

    private static JsonNode object(byte[] bytes, Set<String> fields, String what) throws Refusal {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException | RuntimeException ex) {
            throw refuse(what + " is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw refuse(what + " is not an object");
        }
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!n.get(f).isTextual()) {
                throw refuse(what + " field " + f);
            }
            names.add(f);
        }
        if (!names.equals(fields)) {
            throw refuse(what + " fields");
        }
        return n;
    }

    private static int decodedLength(String b64) {
        try {
            return Base64.getDecoder().decode(b64.getBytes(StandardCharsets.US_ASCII)).length;
        } catch (IllegalArgumentException ex) {
            return -1;
        }
    }

    private static Refusal refuse(String detail) {
        return new Refusal(RejectReason.MALFORMED_RECOVERY, detail);
    }
}
