package org.itinera.core.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.store.Store;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/** Local accounts: created by a mission administrator, each with its own keyring entry. */
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
        access.require(actor, Permission.USER_ADMIN);
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
            store.write(actor, AuditEvent.ok("USER_CREATE", "user", id), tx -> {
                users.insert(tx, id, u);
                return null;
            });
        } catch (RuntimeException e) {
            credentials.remove(UserRepository.normalise(u.username()));
            throw e;
        }
        return store.read(dsl -> users.byUsername(dsl, u.username())).orElseThrow();
    }

    /** The first administrator, whose keyring entry the first run has just made. */
    public UserAccount createFirstAdmin(Actor system, NewUser u) {
        if (!system.isSystem() || store.read(dsl -> !users.all(dsl).isEmpty())) {
            throw new AccessDeniedException(Permission.USER_ADMIN);
        }
        validate(u).throwIfInvalid();
        String id = store.ids().next();
        store.write(system, AuditEvent.ok("USER_CREATE", "user", id), tx -> {
            users.insert(tx, id, u);
            return null;
        });
        return store.read(dsl -> users.byUsername(dsl, u.username())).orElseThrow();
    }

    /** The account a sign-in with this username acts as, if it exists and is active. */
    public Optional<UserAccount> activeAccount(String username) {
        return store.read(dsl -> users.byUsername(dsl, username)).filter(UserAccount::active);
    }

    public List<UserAccount> all(Actor actor) {
        access.require(actor, Permission.USER_ADMIN);
        return store.read(users::all);
    }

    private static Validator validate(NewUser u) {
        return new Validator()
                .required("username", u.username())
                .check("username", u.username(), n -> n.strip().matches("[A-Za-z0-9._-]{3,32}"), "account.error.username")
                .required("displayName", u.displayName()).maxLength("displayName", u.displayName(), 100)
                .check("locale", u.locale(), l -> List.of("en", "fr", "ar").contains(l), "account.error.locale");
    }
}
