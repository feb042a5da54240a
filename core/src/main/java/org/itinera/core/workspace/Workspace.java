package org.itinera.core.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Credentials;
import org.itinera.core.access.PassphrasePolicy;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.UserRepository;
import org.itinera.core.access.UserAccount;
import org.itinera.core.access.UserService;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.casefile.CaseRepository;
import org.itinera.core.casefile.CaseService;
import org.itinera.core.casefile.HouseholdRepository;
import org.itinera.core.casefile.HouseholdService;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.casefile.PersonSearchIndex;
import org.itinera.core.casefile.PersonService;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.demo.DemoDataGenerator;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.keys.Keyring;
import org.itinera.core.movement.BookingRepository;
import org.itinera.core.movement.BookingService;
import org.itinera.core.movement.CaseHandoverRepository;
import org.itinera.core.movement.DepartureService;
import org.itinera.core.movement.ManifestRepository;
import org.itinera.core.movement.ManifestService;
import org.itinera.core.movement.MovementRepository;
import org.itinera.core.movement.MovementService;
import org.itinera.core.movement.PreparationRepository;
import org.itinera.core.movement.ReadinessRepository;
import org.itinera.core.movement.pdf.ManifestPdf;
import org.itinera.core.organisation.OfficeRepository;
import org.itinera.core.organisation.OfficeService;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.IdGenerator;
import org.itinera.core.store.Store;

/**
 * An unlocked database with every core service wired to it by plain constructors. Created by
 * {@link Installation} at sign-in (or first run) and closed at sign-out, which wipes the key.
 * The application's composition root holds one at a time.
 */
public final class Workspace implements AutoCloseable {
    private final Database db;
    private final DatabaseKey key;
    private final Store store;
    private final ReferenceData reference;
    private final AccessPolicy access;
    private final PersonService persons;
    private final HouseholdService households;
    private final CaseService cases;
    private final OfficeService offices;
    private final UserService users;
    private final MovementService movements;
    private final BookingService bookings;
    private final ManifestService manifests;
    private final DepartureService departures;
    private final Clock clock;
    private final SecureRandom random;
    private UserAccount currentUser;

    Workspace(Database db, DatabaseKey key, Keyring keyring, Argon2Parameters kdf, ReferenceData reference,
              Clock clock, SecureRandom random) {
        this.db = db;
        this.key = key;
        this.reference = reference;
        this.clock = clock;
        this.random = random;
        IdGenerator ids = new IdGenerator(clock, random);
        this.store = Store.open(db, new AuditLog(clock), clock, ids, List.of(new PersonSearchIndex()));
        this.access = new AccessPolicy(new PermissionTable());
        OfficeRepository officeRepository = new OfficeRepository();
        this.persons = new PersonService(store, new PersonRepository(), access, reference, clock);
        this.households = new HouseholdService(store, new HouseholdRepository(), access);
        this.cases = new CaseService(store, new CaseRepository(), officeRepository, access, clock);
        this.offices = new OfficeService(store, officeRepository, access, reference);
        this.users = new UserService(store, new UserRepository(), access, new PassphrasePolicy(),
                new KeyringCredentials(keyring, key, kdf));
        MovementRepository movementRepository = new MovementRepository();
        BookingRepository bookingRepository = new BookingRepository();
        ManifestRepository manifestRepository = new ManifestRepository();
        ReadinessRepository readiness = new ReadinessRepository();
        this.movements = new MovementService(store, movementRepository, bookingRepository, manifestRepository,
                new PreparationRepository(), new CaseHandoverRepository(), readiness, access, reference, persons, clock);
        this.bookings = new BookingService(store, bookingRepository, movementRepository, access, reference, clock);
        this.manifests = new ManifestService(store, manifestRepository, movementRepository, readiness, access, reference,
                offices, new ManifestPdf(), clock);
        this.departures = new DepartureService(store, manifestRepository, movementRepository, readiness, access, clock);
    }

    void signedIn(UserAccount account) {
        this.currentUser = account;
    }

    /** The signed-in user. */
    public UserAccount currentUser() {
        return currentUser;
    }

    /** The signed-in user as the actor of service calls. */
    public Actor actor() {
        return currentUser.asActor();
    }

    public Store store() {
        return store;
    }

    public Database database() {
        return db;
    }

    /**
     * A key for sealing one kind of local secret (e.g. the device's private keys), derived from
     * the database key for that purpose only; the caller wipes it after use.
     */
    public byte[] sealingKey(String purpose) {
        return key.derive(purpose);
    }

    public ReferenceData reference() {
        return reference;
    }

    public AccessPolicy access() {
        return access;
    }

    public PersonService persons() {
        return persons;
    }

    public HouseholdService households() {
        return households;
    }

    public CaseService cases() {
        return cases;
    }

    public OfficeService offices() {
        return offices;
    }

    public UserService users() {
        return users;
    }

    public MovementService movements() {
        return movements;
    }

    public BookingService bookings() {
        return bookings;
    }

    public ManifestService manifests() {
        return manifests;
    }

    public DepartureService departures() {
        return departures;
    }

    public Clock clock() {
        return clock;
    }

    public DemoDataGenerator demoData(long seed) {
        return new DemoDataGenerator(store, access, offices, reference, seed, clock);
    }

    /** Records a sign-in under the signed-in user. */
    void recordSignIn(Actor actor, int failedBefore) {
        store.auditOnly(actor, new org.itinera.core.audit.AuditEvent("SIGN_IN", "user", actor.userId(),
                org.itinera.core.audit.AuditEvent.Outcome.OK,
                failedBefore > 0 ? "failed attempts before: " + failedBefore : null));
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public void close() {
        db.close();
    }

    /** Keyring entries for accounts, wrapped with the key this workspace was unlocked with. */
    private record KeyringCredentials(Keyring keyring, DatabaseKey key, Argon2Parameters kdf) implements Credentials {
        @Override
        public void add(String username, char[] passphrase) {
            keyring.addUser(key, username, passphrase, kdf);
        }

        @Override
        public void change(String username, char[] passphrase) {
            keyring.setPassphrase(key, username, passphrase, kdf);
        }

        @Override
        public void remove(String username) {
            keyring.removeUser(username);
        }
    }
}
