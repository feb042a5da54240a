package org.itinera.core.workspace;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.PassphrasePolicy;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.access.Role;
import org.itinera.core.access.UserAccount;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseException;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.db.SchemaMigrator;
import org.itinera.core.i18n.UserMessage;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.keys.Keyring;
import org.itinera.core.keys.SignInException;
import org.itinera.core.organisation.Office;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.IdGenerator;
import org.itinera.core.store.NodeSetup;
import org.itinera.core.recovery.AccountRecovery;
import org.itinera.core.recovery.RecoveryException;
import org.itinera.core.recovery.ResetToken;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.validation.Validator;

/**
 * Itinera on one laptop before anyone signs in: the data directory and its keyring. Turns a first
 * run or a sign-in into an open {@link Workspace}.
 */
public final class Installation {
    private final DataDirectory dir;
    private final Keyring keyring;
    private final Argon2Parameters kdf;
    private final ReferenceData reference;
    private final Clock clock;
    private final SecureRandom random;

    public Installation(DataDirectory dir, Argon2Parameters kdf, ReferenceData reference, Clock clock, SecureRandom random) {
        this.dir = dir;
        this.keyring = new Keyring(dir.keyring(), clock, random);
        this.kdf = kdf;
        this.reference = reference;
        this.clock = clock;
        this.random = random;
    }

    public DataDirectory directory() {
        return dir;
    }

    public boolean isInitialised() {
        return keyring.exists();
    }

    /** First run: creates the encrypted database, this laptop's node, the office and the administrator. */
    public Workspace initialise(FirstRun setup) {
        if (isInitialised()) {
            throw new IllegalStateException("already initialised: " + dir.root());
        }
        validate(setup);
        try {
            dir.create();
        } catch (IOException e) {
            throw new DatabaseException(UserMessage.of("db.error.cantCreateDir", dir.root().toString()), e);
        }
        String username = setup.adminUsername().strip().toLowerCase(java.util.Locale.ROOT);
        DatabaseKey key = keyring.initialise(username, setup.passphrase(), kdf);
        Database db = Database.create(dir.database(), key);
        try {
            new SchemaMigrator(clock).migrate(db, dir.backups());
            NodeSetup.ensureSelf(db, new IdGenerator(clock, random), setup.officeCode() + " laptop", NodeSetup.Kind.LAPTOP);
            Workspace ws = new Workspace(db, key, keyring, kdf, reference, clock, random);
            Actor system = Actor.system("first-run");
            Office office = ws.offices().create(system, setup.officeCode(), setup.officeName(), setup.officeCountry());
            // the first account administers the laptop and, in a small office, also does casework
            UserAccount admin = ws.users().createFirstAdmin(system, new NewUser(username, setup.adminDisplayName(),
                    office.id(), setup.locale(), Set.of(RoleGrant.everywhere(Role.MISSION_ADMIN),
                    RoleGrant.everywhere(Role.CASEWORKER))));
            ws.recordSignIn(admin.asActor(), 0);
            ws.signedIn(admin);
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Checks everything a first run needs before anything is written, so a refusal leaves no trace. */
    public void validate(FirstRun setup) {
        Validator v = new Validator()
                .required("adminUsername", setup.adminUsername())
                .check("adminUsername", setup.adminUsername(), n -> n.strip().matches("[A-Za-z0-9._-]{3,32}"),
                        "account.error.username")
                .required("adminDisplayName", setup.adminDisplayName())
                .maxLength("adminDisplayName", setup.adminDisplayName(), 100)
                .required("officeCode", setup.officeCode())
                .check("officeCode", setup.officeCode(), c -> c.strip().matches("[A-Za-z]{2,6}"), "validation.officeCode")
                .required("officeName", setup.officeName())
                .required("officeCountry", setup.officeCountry())
                .check("officeCountry", setup.officeCountry(), c -> reference.country(c).isPresent(),
                        "validation.unknownCountry");
        new PassphrasePolicy().check("passphrase", setup.passphrase(), setup.adminUsername()).forEach(v::add);
        v.throwIfInvalid();
    }

    /**
     * Account recovery without network (docs/decisions/0008): a hub-signed reset token (given here,
     * or received earlier in a sync package) and its one-time code open the database key; the person
     * chooses a new passphrase, which replaces their keyring entry. The token is spent and the
     * recovery secret replaced, its new escrow waiting for the next sync package.
     */
    public Workspace recover(String username, Optional<byte[]> token, char[] code, char[] newPassphrase) {
        List<FieldError> errors = new PassphrasePolicy().check("newPassphrase", newPassphrase, username);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AccountRecovery recovery = new AccountRecovery(keyring, clock, random);
        byte[][] hub = recovery.hubKeys().orElseThrow(() -> new RecoveryException(RecoveryException.Reason.NOT_ENROLLED));
        AccountRecovery.Unlocked unlocked = recovery.unlock(username, token, code);
        return open(unlocked.key(), username, RecoveryException.Reason.INACTIVE_ACCOUNT, (ws, account) -> {
            keyring.setPassphrase(unlocked.key(), account.username(), newPassphrase, kdf);
            ws.recovery().recordReset(account.asActor(), unlocked.token(),
                    recovery.enrol(unlocked.key(), unlocked.token().node(), hub[0], hub[1]));
        });
    }

    /** Keeps a reset token that came as a file (a laptop with a single account cannot import packages). */
    public ResetToken receiveResetToken(byte[] token) {
        return new AccountRecovery(keyring, clock, random).receive(token);
    }

    /** Unlocks the database with a user's passphrase and opens their workspace. */
    public Workspace signIn(String username, char[] passphrase) {
        Keyring.Unlocked unlocked = keyring.unlockAll(username, passphrase);
        try {
            return open(unlocked.key(), username, null, (ws, account) -> ws.medicalSignIn(account, unlocked.medicalKey()));
        } catch (RuntimeException e) {
            unlocked.medicalKey().ifPresent(org.itinera.core.keys.MedicalKey::close);
            throw e;
        }
    }

    /**
     * Opens the database with an unwrapped key as an active account: migrations, services, whatever
     * this way of signing in must do first, then the kept failed attempts and the sign-in go into
     * the audit trail. An unknown or disabled account is refused as {@code inactive} (or as wrong
     * credentials, which says nothing about which accounts exist).
     */
    private Workspace open(DatabaseKey key, String username, RecoveryException.Reason inactive,
                           java.util.function.BiConsumer<Workspace, UserAccount> first) {
        Database db = Database.open(dir.database(), key);
        try {
            new SchemaMigrator(clock).migrate(db, dir.backups());
            Workspace ws = new Workspace(db, key, keyring, kdf, reference, clock, random);
            UserAccount account = ws.users().activeAccount(username).orElseThrow(() -> inactive != null
                    ? new RecoveryException(inactive) : new SignInException(SignInException.Reason.WRONG_CREDENTIALS, null));
            first.accept(ws, account);
            int failedBefore = ws.recordFailedSignIns(username);
            ws.recordSignIn(account.asActor(), failedBefore);
            ws.signedIn(account);
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
