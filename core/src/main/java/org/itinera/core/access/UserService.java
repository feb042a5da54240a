package org.itinera.core.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Local accounts: created by a mission administrator, each with its own keyring entry. An
 * administrator acts only within the offices of their own grant, and cannot hand out a wider scope
 * than they hold. The last administrator of the whole mission cannot be disabled or demoted.
 */
public final class UserService {
    private final Store store;
    private final UserRepository users;
    private final AccessPolicy access;
    private final PassphrasePolicy passphrases;
    private final Credentials credentials;

    public UserService(Store store, UserRepository users, AccessPolicy access, PassphrasePolicy passphrases,
                       Credentials credentials) {
        this.store = store;
        this.users = users;
        this.access = access;
        this.passphrases = passphrases;
        this.credentials = credentials;
    }

    public UserAccount create(Actor actor, NewUser u, char[] passphrase) {
        access.require(actor, Permission.USER_ADMIN, u.officeId());
        requireGrantable(actor, u.grants());
        List<FieldError> errors = new ArrayList<>(validate(u).errors());
        errors.addAll(passphrases.check("passphrase", passphrase, u.username()));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (store.read(dsl -> users.exists(dsl, u.username()))) {
            throw new ValidationException(List.of(FieldError.of("username", "account.error.taken")));
        }
        String id = store.ids().next();
        // the keyring entry first: if the database write then fails, it is removed again
        credentials.add(UserRepository.normalise(u.username()), passphrase);
        try {
            store.write(actor, AuditEvent.ok("USER_CREATE", "user", id, roles(u.grants())), tx -> {
                users.insert(tx, id, u);
                return null;
            });
        } catch (RuntimeException e) {
            credentials.remove(UserRepository.normalise(u.username()));
            throw e;
        }
        credentials.grantsChanged(UserRepository.normalise(u.username()), u.grants());
        return store.read(dsl -> users.byUsername(dsl, u.username())).orElseThrow();
    }

    /** The first administrator, whose keyring entry the first run has just made. */
    public UserAccount createFirstAdmin(Actor system, NewUser u) {
        if (!system.isSystem() || store.read(dsl -> !users.all(dsl).isEmpty())) {
            throw new AccessDeniedException(Permission.USER_ADMIN);
        }
        validate(u).throwIfInvalid();
        String id = store.ids().next();
        store.write(system, AuditEvent.ok("USER_CREATE", "user", id, roles(u.grants())), tx -> {
            users.insert(tx, id, u);
            return null;
        });
        return store.read(dsl -> users.byUsername(dsl, u.username())).orElseThrow();
    }

    /**
     * The signed-in user changes their own passphrase: the current one is checked first (a wrong one
     * counts towards the lock-out), then the database key is re-wrapped under the new one.
     */
    public void changeOwnPassphrase(Actor actor, char[] current, char[] replacement) {
        access.require(actor, Permission.OWN_ACCOUNT);
        UserAccount me = store.read(dsl -> users.byId(dsl, actor.userId())).orElseThrow(
                () -> new AccessDeniedException(Permission.OWN_ACCOUNT));
        requireGood("newPassphrase", replacement, me.username());
        credentials.verify(me.username(), current);
        store.write(actor, AuditEvent.ok("PASSPHRASE_CHANGE", "user", me.id()), tx -> {
            credentials.change(me.username(), replacement);
            return null;
        });
    }

    /** An administrator sets a new passphrase for someone who forgot theirs (they are told it in person). */
    public void resetPassphrase(Actor actor, String userId, char[] replacement) {
        UserAccount target = target(actor, userId);
        requireGood("passphrase", replacement, target.username());
        store.write(actor, AuditEvent.ok("PASSPHRASE_RESET", "user", userId), tx -> {
            credentials.change(target.username(), replacement);
            return null;
        });
    }

    /** Replaces a user's roles and their scopes. */
    public UserAccount setGrants(Actor actor, String userId, Set<RoleGrant> grants) {
        UserAccount target = target(actor, userId);
        requireGrantable(actor, grants);
        if (grants.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("roles", "account.error.noRole")));
        }
        if (isMissionAdmin(target.grants()) && !isMissionAdmin(grants)) {
            requireAnotherMissionAdmin(userId);
        }
        store.write(actor, AuditEvent.ok("USER_ROLES_CHANGE", "user", userId, roles(grants)), tx -> {
            users.replaceGrants(tx, userId, grants);
            return null;
        });
        credentials.grantsChanged(target.username(), grants);
        return store.read(dsl -> users.byId(dsl, userId)).orElseThrow();
    }

    /** Disables an account: it can no longer sign in, and its keyring entry is removed. */
    public void disable(Actor actor, String userId) {
        UserAccount target = target(actor, userId);
        if (userId.equals(actor.userId())) {
            throw new ValidationException(List.of(FieldError.of("user", "account.error.disableSelf")));
        }
        if (isMissionAdmin(target.grants())) {
            requireAnotherMissionAdmin(userId);
        }
        store.write(actor, AuditEvent.ok("USER_DISABLE", "user", userId), tx -> {
            users.setActive(tx, userId, false);
            credentials.remove(target.username());
            return null;
        });
    }

    /** Enables a disabled account again, with a new passphrase (the old entry was removed). */
    public void enable(Actor actor, String userId, char[] passphrase) {
        UserAccount target = target(actor, userId);
        requireGood("passphrase", passphrase, target.username());
        store.write(actor, AuditEvent.ok("USER_ENABLE", "user", userId), tx -> {
            users.setActive(tx, userId, true);
            credentials.change(target.username(), passphrase);
            return null;
        });
    }

    /** The account a sign-in with this username acts as, if it exists and is active. */
    public Optional<UserAccount> activeAccount(String username) {
        return store.read(dsl -> users.byUsername(dsl, username)).filter(UserAccount::active);
    }

    public List<UserAccount> all(Actor actor) {
        access.require(actor, Permission.USER_ADMIN);
        return store.read(users::all);
    }

    private void requireGood(String field, char[] passphrase, String username) {
        List<FieldError> errors = passphrases.check(field, passphrase, username);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private UserAccount target(Actor actor, String userId) {
        Optional<UserAccount> found = store.read(dsl -> users.byId(dsl, userId));
        access.require(actor, Permission.USER_ADMIN, found.map(UserAccount::officeId).orElse(null));
        return found.orElseThrow(() -> new ValidationException(List.of(FieldError.of("user", "account.error.unknown"))));
    }

    private void requireGrantable(Actor actor, Set<RoleGrant> grants) {
        for (RoleGrant g : grants) {
            if (!access.coversScope(actor, Permission.USER_ADMIN, g)) {
                throw new AccessDeniedException(Permission.USER_ADMIN);
            }
        }
    }

    private static boolean isMissionAdmin(Set<RoleGrant> grants) {
        return grants.stream().anyMatch(g -> g.role() == Role.MISSION_ADMIN && g.isEverywhere());
    }

    private void requireAnotherMissionAdmin(String userId) {
        boolean another = store.read(users::all).stream()
                .anyMatch(u -> u.active() && !u.id().equals(userId) && isMissionAdmin(u.grants()));
        if (!another) {
            throw new ValidationException(List.of(FieldError.of("roles", "account.error.lastAdmin")));
        }
    }

    private static String roles(Set<RoleGrant> grants) {
        return String.join(",", grants.stream().map(g -> g.role().name()
                + g.officeId().map(o -> "@office:" + o).or(() -> g.country().map(c -> "@country:" + c)).orElse(""))
                .sorted().toList());
    }

    private static Validator validate(NewUser u) {
        return new Validator()
                .required("username", u.username())
                .check("username", u.username(), n -> n.strip().matches("[A-Za-z0-9._-]{3,32}"), "account.error.username")
                .required("displayName", u.displayName()).maxLength("displayName", u.displayName(), 100)
                .check("locale", u.locale(), l -> List.of("en", "fr", "ar").contains(l), "account.error.locale")
                .check("roles", u.grants(), g -> !g.isEmpty(), "account.error.noRole");
    }
}
