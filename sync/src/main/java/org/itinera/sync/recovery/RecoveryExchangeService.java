package org.itinera.sync.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.recovery.HubRecoveryIssuer;
import org.itinera.core.recovery.RecoveryEscrow;
import org.itinera.core.recovery.RecoveryException;
import org.itinera.core.recovery.RecoveryService;
import org.itinera.core.store.Store;
import org.itinera.core.store.WriteTx;
import org.itinera.sync.SyncException;
import org.itinera.sync.crypto.AgeIdentity;
import org.itinera.sync.exchange.ImportService;
import org.itinera.sync.pkg.RecoveryEntries;
import org.itinera.sync.trust.DeviceIdentity;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.NodeKind;
import org.itinera.sync.trust.TrustBundle;
import org.itinera.sync.trust.TrustService;

/**
 * Account recovery's mail through sync packages (docs/decisions/0008). On a laptop: enrolment with
 * a hub of the trust bundle, its sealed escrow put into every package for that hub until the hub's
 * receipt comes back, and reset tokens from the hub handed to core's {@link RecoveryService}. On
 * the hub: escrows kept per laptop, reset tokens issued with the hub's own device keys and queued
 * for the next packages to that laptop (until they expire or the laptop's secret changes).
 * <p>
 * State lives in the local, unsynced {@code app_setting} table: {@code recoverymail.hub} (laptop: the
 * enrolled hub), {@code recoverymail.receipt} (laptop: escrow secret the hub confirmed),
 * {@code recoverymail.escrow.<node>} and {@code recoverymail.outbox.<node>} (hub).
 */
public final class RecoveryExchangeService implements ImportService.RecoveryMail {
    /** What a reset token may last at most (laptops refuse longer ones). */
    public static final Duration MAX_VALIDITY = HubRecoveryIssuer.MAX_VALIDITY;
    static final String HUB = "recoverymail.hub";
    static final String RECEIPT = "recoverymail.receipt";
    static final String ESCROW_PREFIX = "recoverymail.escrow.";
    static final String OUTBOX_PREFIX = "recoverymail.outbox.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final RecoveryMailRepository repository;
    private final AccessPolicy access;
    private final RecoveryService recovery;
    private final DeviceKeyService deviceKeys;
    private final TrustService trust;
    private final Argon2Parameters codeKdf;
    private final SecureRandom random;
    private final Clock clock;

    public RecoveryExchangeService(Store store, RecoveryMailRepository repository, AccessPolicy access,
                                   RecoveryService recovery, DeviceKeyService deviceKeys, TrustService trust,
                                   Argon2Parameters codeKdf, SecureRandom random, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.access = access;
        this.recovery = recovery;
        this.deviceKeys = deviceKeys;
        this.trust = trust;
        this.codeKdf = codeKdf;
        this.random = random;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------ laptop

    /**
     * This laptop's recovery state: enrolled with which hub, and whether the hub has confirmed it
     * holds the current escrow ({@code delivered}); until then every package to the hub carries it.
     */
    public record LaptopStatus(boolean enrolled, Optional<String> hubNodeId, Optional<String> hubName,
                               Optional<String> hubKeyFingerprint, boolean delivered) {
    }

    /**
     * Enrols this laptop for recovery with a hub of the trust bundle ({@code hub}: its node id or
     * name; empty: the only hub). The hub's device keys become the recovery keys; a new recovery
     * secret is sealed to the hub and goes out with the next package to it.
     */
    public LaptopStatus enrol(Actor actor, Optional<String> hub) {
        access.require(actor, Permission.DEVICE_ADMIN);
        TrustBundle bundle = trust.snapshot().bundle()
                .orElseThrow(() -> new SyncException(UserMessage.of("recovery.enrol.noTrustBundle"), null));
        List<TrustBundle.NodeKey> hubs = bundle.nodes().stream().filter(n -> n.kind() == NodeKind.HUB)
                .filter(n -> !bundle.isRevoked(n.keyId()))
                .filter(n -> hub.map(h -> n.nodeId().equals(h) || n.name().equalsIgnoreCase(h.strip())).orElse(true))
                .toList();
        List<String> nodes = hubs.stream().map(TrustBundle.NodeKey::nodeId).distinct().toList();
        if (nodes.isEmpty()) {
            throw new SyncException(hub.map(h -> UserMessage.of("recovery.enrol.unknownHub", h))
                    .orElse(UserMessage.of("recovery.enrol.noHub")), null);
        }
        if (nodes.size() > 1) {
            throw new SyncException(UserMessage.of("recovery.enrol.severalHubs"), null);
        }
        TrustBundle.NodeKey key = hubs.getLast(); // the newest key the bundle lists for that hub
        recovery.enrol(actor, HubRecoveryKeys.signingPublic(key.verifyKey()), HubRecoveryKeys.escrowPublic(key.recipient()));
        store.write(actor, AuditEvent.ok("RECOVERY_HUB_SET", "node", key.nodeId()), tx -> {
            repository.put(tx, HUB, key.nodeId());
            return null;
        });
        return status(actor);
    }

    public LaptopStatus status(Actor actor) {
        RecoveryService.Status s = recovery.status(actor);
        Optional<String> hubNode = store.read(dsl -> repository.get(dsl, HUB));
        Optional<String> hubName = hubNode.flatMap(h -> trust.snapshot().bundle()
                .flatMap(b -> b.currentKeys(h).stream().findFirst()).map(TrustBundle.NodeKey::name));
        return new LaptopStatus(s.enrolled(), hubNode, hubName, s.hubKeyFingerprint(), s.enrolled() && delivered());
    }

    private boolean delivered() {
        Optional<String> current = recovery.escrow().map(e -> RecoveryEscrow.fromJson(e).secretId());
        Optional<String> confirmed = store.read(dsl -> repository.get(dsl, RECEIPT));
        return current.isPresent() && current.equals(confirmed);
    }

    /**
     * Hands the reset tokens of an imported package to core's account recovery; returns why each
     * refused one was refused. A token already kept or already used is passed over quietly (the
     * hub sends a token in every package until it expires).
     */
    @Override
    public List<UserMessage> receiveTokens(Actor actor, List<byte[]> tokens) {
        List<UserMessage> refused = new ArrayList<>();
        for (byte[] t : tokens) {
            try {
                recovery.receiveToken(actor, t);
            } catch (RecoveryException e) {
                if (e.reason() != RecoveryException.Reason.ALREADY_USED) {
                    store.auditOnly(actor, new AuditEvent("RESET_TOKEN_RECEIVED", "user", null,
                            AuditEvent.Outcome.DENIED, e.reason().name()));
                    refused.add(e.userMessage());
                }
            }
        }
        return refused;
    }

    // --------------------------------------------------------------------------------- both sides

    /** The recovery entries for the next package to {@code toNode}. */
    public RecoveryEntries outgoing(String toNode) {
        NodeKind self = selfKind();
        if (self == NodeKind.HUB) {
            Optional<byte[]> receipt = store.read(dsl -> repository.get(dsl, ESCROW_PREFIX + toNode)).map(this::receiptFor);
            List<byte[]> tokens = queued(toNode).stream().filter(q -> clock.instant().isBefore(q.expires()))
                    .map(q -> q.token().getBytes(StandardCharsets.UTF_8)).limit(RecoveryEntries.MAX_TOKENS).toList();
            return new RecoveryEntries(Optional.empty(), tokens, receipt);
        }
        Optional<String> hub = store.read(dsl -> repository.get(dsl, HUB));
        if (hub.isPresent() && hub.get().equals(toNode) && !delivered()) {
            return new RecoveryEntries(recovery.escrow(), List.of(), Optional.empty());
        }
        return RecoveryEntries.NONE;
    }

    /**
     * Inside an import's transaction: a hub keeps the escrow of the sending laptop (a new secret
     * drops the tokens queued for the old one); a laptop notes the hub's receipt. Returns the
     * message keys of what was refused (an escrow sent to a laptop).
     */
    @Override
    public List<UserMessage> onImport(WriteTx tx, String fromNode, RecoveryEntries entries) {
        List<UserMessage> refused = new ArrayList<>();
        if (entries.escrow().isPresent()) {
            if (selfKind() != NodeKind.HUB) {
                refused.add(UserMessage.of("recovery.import.escrowNotHub"));
            } else {
                RecoveryEscrow e = RecoveryEscrow.fromJson(entries.escrow().get());
                Optional<String> old = repository.get(tx, ESCROW_PREFIX + fromNode);
                boolean changed = old.map(o -> !secretIdOf(o).equals(e.secretId())).orElse(true);
                if (changed) {
                    ObjectNode row = JsonNodeFactory.instance.objectNode();
                    row.put("escrow", new String(entries.escrow().get(), StandardCharsets.UTF_8));
                    row.put("secret_id", e.secretId());
                    row.put("received_at", clock.instant().toString());
                    repository.put(tx, ESCROW_PREFIX + fromNode, row.toString());
                    repository.delete(tx, OUTBOX_PREFIX + fromNode);
                }
            }
        }
        if (entries.receipt().isPresent()) {
            try {
                JsonNode r = JSON.readTree(entries.receipt().get());
                repository.put(tx, RECEIPT, r.path("secret_id").asText());
            } catch (IOException e) {
                refused.add(UserMessage.of("sync.rejected.malformed"));
            }
        }
        return refused;
    }

    // ---------------------------------------------------------------------------------------- hub

    /** A laptop the hub can help: its escrow arrived. Any active account on it can be recovered. */
    public record EscrowRow(String nodeId, String name, String secretId, Instant receivedAt, int tokensQueued) {
    }

    public List<EscrowRow> escrows(Actor actor) {
        access.require(actor, Permission.RECOVERY_ISSUE);
        requireHub();
        Optional<TrustBundle> bundle = trust.snapshot().bundle();
        return store.read(dsl -> repository.startingWith(dsl, ESCROW_PREFIX)).stream().map(r -> {
                    String node = r.getKey().substring(ESCROW_PREFIX.length());
                    JsonNode row = tree(r.getValue());
                    String name = bundle.flatMap(b -> b.currentKeys(node).stream().findFirst())
                            .map(TrustBundle.NodeKey::name).orElse(node);
                    int queued = (int) queued(node).stream().filter(q -> clock.instant().isBefore(q.expires())).count();
                    return new EscrowRow(node, name, row.path("secret_id").asText(),
                            Instant.parse(row.path("received_at").asText()), queued);
                }).toList();
    }

    /** An issued token: the code to tell the person (never in a package), and the token queued for the laptop. */
    public record Issued(String nodeId, String nodeName, String username, String tokenId, String code, byte[] token,
                         Instant expiresAt) {
    }

    /**
     * Issues a reset token for {@code username} on the laptop {@code node} (its node id or name),
     * valid for {@code validity} (at most seven days), with the hub's device keys, and queues it
     * for the next packages to that laptop.
     */
    public Issued issue(Actor actor, String node, String username, Duration validity) {
        access.require(actor, Permission.RECOVERY_ISSUE);
        requireHub();
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new SyncException(UserMessage.of("recovery.issue.validity", MAX_VALIDITY.toDays()), null);
        }
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.matches("[a-z0-9._-]{3,32}")) {
            throw new SyncException(UserMessage.of("recovery.issue.username"), null);
        }
        EscrowRow target = escrows(actor).stream()
                .filter(e -> e.nodeId().equals(node) || e.name().equalsIgnoreCase(node.strip())).findFirst()
                .orElseThrow(() -> new SyncException(UserMessage.of("recovery.issue.noEscrow", node), null));
        byte[] escrow = store.read(dsl -> repository.get(dsl, ESCROW_PREFIX + target.nodeId())).map(s -> tree(s).path("escrow")
                .asText()).orElseThrow().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        HubRecoveryIssuer.Issued issued;
        try (DeviceIdentity me = deviceKeys.identity()) {
            issued = issueWithAnyKey(me, escrow, user, now, validity);
        }
        Instant expires = now.plus(validity);
        store.write(actor, AuditEvent.ok("RECOVERY_TOKEN_ISSUED", "node", target.nodeId(),
                "user=" + user + " token=" + issued.tokenId()), tx -> {
            ArrayNode queue = JsonNodeFactory.instance.arrayNode();
            for (Queued q : parseQueue(repository.get(tx, OUTBOX_PREFIX + target.nodeId()))) {
                if (now.isBefore(q.expires())) {
                    queue.addObject().put("token", q.token()).put("expires_at", q.expires().toString());
                }
            }
            queue.addObject().put("token", new String(issued.token(), StandardCharsets.UTF_8))
                    .put("expires_at", expires.toString());
            repository.put(tx, OUTBOX_PREFIX + target.nodeId(), queue.toString());
            return null;
        });
        return new Issued(target.nodeId(), target.name(), user, issued.tokenId(), issued.code(), issued.token(), expires);
    }

    /** The escrow was sealed to one of this hub's age keys (older ones stay after a rotation). */
    private HubRecoveryIssuer.Issued issueWithAnyKey(DeviceIdentity me, byte[] escrow, String user, Instant now,
                                                     Duration validity) {
        KeyPair signing = HubRecoveryKeys.signing(me.signingKey());
        RecoveryException last = new RecoveryException(RecoveryException.Reason.MALFORMED);
        for (AgeIdentity id : me.ageIdentities()) {
            try {
                return new HubRecoveryIssuer(signing, HubRecoveryKeys.escrow(id), random, codeKdf)
                        .issue(escrow, user, now, validity);
            } catch (RecoveryException e) {
                last = e;
            }
        }
        throw new SyncException(UserMessage.of("recovery.issue.cannotOpen"), last);
    }

    private void requireHub() {
        if (selfKind() != NodeKind.HUB) {
            throw new SyncException(UserMessage.of("recovery.issue.notHub"), null);
        }
    }

    /** A hub is what the root-signed trust bundle says this node is. */
    private NodeKind selfKind() {
        String self = store.read(repository::selfNodeId);
        return trust.snapshot().bundle().flatMap(b -> b.kindOf(self)).orElse(NodeKind.LAPTOP);
    }

    private byte[] receiptFor(String row) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        JsonNode stored = tree(row);
        r.put("format", RecoveryEntries.RECEIPT_FORMAT);
        r.put("node", RecoveryEscrow.fromJson(stored.path("escrow").asText().getBytes(StandardCharsets.UTF_8)).node());
        r.put("received_at", stored.path("received_at").asText());
        r.put("secret_id", stored.path("secret_id").asText());
        return r.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Queued(String token, Instant expires) {
    }

    private List<Queued> queued(String node) {
        return parseQueue(store.read(dsl -> repository.get(dsl, OUTBOX_PREFIX + node)));
    }

    private static List<Queued> parseQueue(Optional<String> outbox) {
        List<Queued> out = new ArrayList<>();
        outbox.ifPresent(s -> tree(s).forEach(q ->
                out.add(new Queued(q.path("token").asText(), Instant.parse(q.path("expires_at").asText())))));
        return out;
    }

    private static String secretIdOf(String row) {
        return tree(row).path("secret_id").asText();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable recovery setting", e);
        }
    }

}
