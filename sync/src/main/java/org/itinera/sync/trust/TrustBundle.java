package org.itinera.sync.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.itinera.sync.crypto.AgeRecipient;
import org.itinera.sync.crypto.Fingerprint;
import org.itinera.sync.crypto.SignedDocument;
import org.itinera.sync.crypto.SyncJson;
import org.itinera.sync.crypto.VerifyKey;

/**
 * What the organisation's root key vouches for: the hubs' and enrolled devices' keys with their
 * node ids, the escrow recipients, and the revoked keys. A node accepts a bundle only when the
 * pinned root signed it and its serial is higher than the one it has.
 */
public record TrustBundle(String format, long serial, String issuedAt, String rootKeyId, List<String> escrow,
                          List<NodeKey> nodes, List<Revocation> revoked) {
    public static final String FORMAT = "itinera-trust/1";
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9A-F]{16}");
    private static final ObjectMapper JSON = SyncJson.strict(MAX_BYTES, 64 * 1024);

    public TrustBundle {
        escrow = List.copyOf(escrow);
        nodes = List.copyOf(nodes);
        revoked = List.copyOf(revoked);
    }

    /** One key of one node (a node may have two while it rotates). */
    public record NodeKey(String nodeId, String name, NodeKind kind, String keyId, String signKey, String ageRecipient,
                          String fingerprint) {
        public VerifyKey verifyKey() {
            return VerifyKey.fromMinisignBase64(signKey).orElseThrow();
        }

        public AgeRecipient recipient() {
            return new AgeRecipient(ageRecipient);
        }

        boolean wellFormed() {
            if (nodeId == null || name == null || kind == null || keyId == null || signKey == null
                    || ageRecipient == null || fingerprint == null || !UUID.matcher(nodeId).matches()
                    || name.isBlank() || name.length() > 200) {
                return false;
            }
            Optional<VerifyKey> key = VerifyKey.fromMinisignBase64(signKey);
            Optional<AgeRecipient> age = AgeRecipient.tryOf(ageRecipient);
            return key.isPresent() && age.isPresent() && key.get().keyIdHex().equals(keyId)
                    && Fingerprint.ofDevice(key.get(), age.get()).value().equals(fingerprint);
        }
    }

    /** A key that must no longer be trusted. */
    public record Revocation(String keyId, String fingerprint, String nodeId, String revokedAt, String reason) {
        boolean wellFormed() {
            return keyId != null && KEY_ID.matcher(keyId).matches() && fingerprint != null
                    && Fingerprint.parse(fingerprint).map(f -> f.value().equals(fingerprint)).orElse(false)
                    && nodeId != null && UUID.matcher(nodeId).matches() && revokedAt != null && revokedAt.length() <= 40
                    && (reason == null || reason.length() <= 500);
        }
    }

    /** The bundle inside {@code doc}, if {@code root} signed exactly these bytes and they are a well-formed bundle. */
    public static Optional<TrustBundle> open(SignedDocument doc, VerifyKey root) {
        if (doc.json().length > MAX_BYTES || !doc.signedBy(root)) {
            return Optional.empty();
        }
        Optional<TrustBundle> b = parse(doc.json());
        return b.filter(x -> x.rootKeyId().equals(root.keyIdHex()));
    }

    /** Parses (strictly) and checks the shape; does not check any signature. */
    static Optional<TrustBundle> parse(byte[] json) {
        try {
            TrustBundle b = JSON.readValue(json, TrustBundle.class);
            return b.wellFormed() ? Optional.of(b) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean wellFormed() {
        if (!FORMAT.equals(format) || serial < 0 || issuedAt == null || rootKeyId == null
                || !KEY_ID.matcher(rootKeyId).matches()) {
            return false;
        }
        if (escrow.stream().anyMatch(e -> AgeRecipient.tryOf(e).isEmpty())) {
            return false;
        }
        Set<String> keyIds = new HashSet<>();
        for (NodeKey n : nodes) {
            if (n == null || !n.wellFormed() || !keyIds.add(n.keyId())) {
                return false;
            }
        }
        return revoked.stream().allMatch(r -> r != null && r.wellFormed());
    }

    public Optional<NodeKey> nodeKey(String keyIdHex) {
        return nodes.stream().filter(n -> n.keyId().equals(keyIdHex)).findFirst();
    }

    public boolean isRevoked(String keyIdHex) {
        return revoked.stream().anyMatch(r -> r.keyId().equals(keyIdHex));
    }

    /** The keys of a node that are not revoked. */
    public List<NodeKey> currentKeys(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId) && !isRevoked(n.keyId())).toList();
    }

    public Optional<NodeKind> kindOf(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).map(NodeKey::kind).findFirst();
    }

    /**
     * Whom a package for {@code nodeId} is encrypted to: every current key of that node (all hub keys
     * of a hub, the device key of a laptop), plus the organisation's escrow recipients. Empty when
     * the bundle does not know the node.
     */
    public List<AgeRecipient> recipientsFor(String nodeId) {
        List<NodeKey> keys = currentKeys(nodeId);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<AgeRecipient> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.recipient()));
        escrow.stream().map(AgeRecipient::new).filter(r -> !out.contains(r)).forEach(out::add);
        return List.copyOf(out);
    }
}
