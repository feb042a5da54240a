package org.itinera.core.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itinera.core.access.Actor;
import org.itinera.core.access.UserAccount;
import org.itinera.core.access.UserRepository;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditRepository;
import org.itinera.core.keys.Keyring;
import org.itinera.core.store.Store;

/**
 * Sign-ins in the audit trail. Failed attempts happen before any database is open, so the keyring
 * keeps them; at the next successful sign-in (or screen unlock) they are written here, each dated
 * when it happened and attributed to the account it tried (or to nobody, for an unknown username).
 */
final class SignInAudit {
    private final Store store;
    private final Keyring keyring;
    private final UserRepository users;
    private final AuditRepository audit;

    SignInAudit(Store store, Keyring keyring, UserRepository users, AuditRepository audit) {
        this.store = store;
        this.keyring = keyring;
        this.users = users;
        this.audit = audit;
    }

    void recordSignIn(Actor actor, int failedBefore) {
        store.auditOnly(actor, new AuditEvent("SIGN_IN", "user", actor.userId(), AuditEvent.Outcome.OK,
                failedBefore > 0 ? "failed attempts before: " + failedBefore : null));
    }

    /** Writes and then forgets the kept failures; returns how many concerned {@code username}. */
    int recordFailures(String username) {
        List<Keyring.FailedSignIn> failures = keyring.failedSignIns();
        if (failures.isEmpty()) {
            return 0;
        }
        Map<String, UserAccount> byRef = new HashMap<>();
        for (UserAccount u : store.read(users::all)) {
            byRef.put(keyring.referenceOf(u.username()), u);
        }
        String mine = keyring.referenceOf(username);
        int own = 0;
        List<String> written = new ArrayList<>();
        for (Keyring.FailedSignIn f : failures) {
            UserAccount account = byRef.get(f.userRef());
            Actor who = account != null ? account.asActor() : Actor.anonymous("sign-in");
            String detail = "attempt=" + f.id() + (account == null ? "; unknown username" : "")
                    + (f.lockedOut() ? "; locked out" : "");
            // a crash between writing and forgetting must not write the same attempt twice
            if (!store.read(dsl -> audit.hasFailedSignIn(dsl, f.id()))) {
                store.auditOnly(who, new AuditEvent("SIGN_IN_FAILED", "user", account == null ? null : account.id(),
                        f.lockedOut() ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILED, detail), f.at());
            }
            written.add(f.id());
            if (f.userRef().equals(mine)) {
                own++;
            }
        }
        keyring.forgetFailedSignIns(written);
        return own;
    }
}
