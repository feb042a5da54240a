package org.itinera.core.recovery;

import java.time.Clock;
import java.util.Optional;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;

/**
 * Account recovery inside a signed-in workspace: enrolling the hub's recovery keys (which seals a
 * new recovery secret to the hub), receiving reset tokens that arrive in sync packages, and the
 * sealed escrow the next sync package must carry to the hub.
 */
public final class RecoveryService {
    private final Store store;
    private final RecoveryRepository repository;
    private final AccountRecovery recovery;
    private final Enroller enroller;
    private final AccessPolicy access;
    private final Clock clock;

    /** Wraps the database key under a new recovery secret; the workspace supplies it without exposing the key. */
    @FunctionalInterface
    public interface Enroller {
        RecoveryEscrow enrol(String node, byte[] hubSigningKey, byte[] hubEscrowKey);
    }

    public RecoveryService(Store store, RecoveryRepository repository, AccountRecovery recovery, Enroller enroller,
                           AccessPolicy access, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.recovery = recovery;
        this.enroller = enroller;
        this.access = access;
        this.clock = clock;
    }

    public record Status(boolean enrolled, Optional<String> hubKeyFingerprint, boolean escrowWaiting) {
    }

    /** Trusts these hub keys for recovery (from the trust bundle, or typed by the administrator). */
    public Status enrol(Actor actor, byte[] hubSigningKey, byte[] hubEscrowKey) {
        access.require(actor, Permission.DEVICE_ADMIN);
        String node = store.read(repository::selfNodeId);
        String fingerprint = RecoveryCrypto.fingerprint(hubSigningKey);
        store.write(actor, AuditEvent.ok("RECOVERY_ENROL", "device", node, "hub=" + fingerprint), tx -> {
            RecoveryEscrow escrow = enroller.enrol(node, hubSigningKey, hubEscrowKey);
            repository.putEscrow(tx, escrow.toJson(), clock.instant());
            return null;
        });
        return status(actor);
    }

    public Status status(Actor actor) {
        access.require(actor, Permission.DEVICE_ADMIN);
        return new Status(recovery.enrolled(), recovery.hubKeys().map(k -> RecoveryCrypto.fingerprint(k[0])),
                store.read(repository::escrow).isPresent());
    }

    /**
     * Keeps a reset token that arrived in a sync package until its owner uses it at the sign-in
     * screen. Whoever imported the package is recorded; receiving grants nothing by itself (the
     * token is useless without its code), so it asks for no permission.
     */
    public ResetToken receiveToken(Actor actor, byte[] token) {
        ResetToken t = recovery.receive(token);
        store.auditOnly(actor, AuditEvent.ok("RESET_TOKEN_RECEIVED", "user", null, "token=" + t.tokenId()));
        return t;
    }

    /** The sealed recovery secret for the hub; sync exports carry it. Not secret (only the hub opens it). */
    public Optional<byte[]> escrow() {
        return store.read(repository::escrow);
    }

    /**
     * After a reset, the new escrow replaces the old one and the reset is recorded under the person
     * who proved who they are with the token and its code. Called by the installation only.
     */
    public void recordReset(Actor person, ResetToken token, RecoveryEscrow newEscrow) {
        store.write(person, AuditEvent.ok("PASSPHRASE_RECOVERY", "user", person.userId(), "token=" + token.tokenId()),
                tx -> {
                    repository.putEscrow(tx, newEscrow.toJson(), clock.instant());
                    return null;
                });
    }
}
