package org.itinera.core.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Credentials;
import org.itinera.core.access.OfficeDirectory;
import org.itinera.core.access.PassphrasePolicy;
import org.itinera.core.access.Permission;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.UserAccount;
import org.itinera.core.access.UserRepository;
import org.itinera.core.access.UserService;
import org.itinera.core.assistance.AssistanceRepository;
import org.itinera.core.assistance.AssistanceService;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.audit.AuditLog;
import org.itinera.core.audit.AuditRepository;
import org.itinera.core.audit.AuditService;
import org.itinera.core.audit.AuditVerifier;
import org.itinera.core.casefile.CaseRepository;
import org.itinera.core.casefile.CaseService;
import org.itinera.core.casefile.HouseholdRepository;
import org.itinera.core.casefile.HouseholdService;
import org.itinera.core.casefile.PersonRepository;
import org.itinera.core.casefile.PersonSearchIndex;
import org.itinera.core.casefile.PersonService;
import org.itinera.core.casefile.PersonMergeService;
import org.itinera.core.consent.ConsentPolicy;
import org.itinera.core.consent.ConsentRepository;
import org.itinera.core.consent.ConsentService;
import org.itinera.core.db.Database;
import org.itinera.core.db.DatabaseKey;
import org.itinera.core.demo.DemoDataGenerator;
import org.itinera.core.exchange.ExchangeRepository;
import org.itinera.core.exchange.PartnerExchangeService;
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
import org.itinera.core.keys.SignInException;
import org.itinera.core.medical.HealthRepository;
import org.itinera.core.medical.HealthService;
import org.itinera.core.medical.MedicalSeal;
import org.itinera.core.protection.ProtectionRepository;
import org.itinera.core.protection.ProtectionService;
import org.itinera.core.keys.MedicalKey;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.organisation.OfficeRepository;
import org.itinera.core.organisation.OfficeService;
import org.itinera.core.organisation.PartnerRepository;
import org.itinera.core.recovery.AccountRecovery;
import org.itinera.core.recovery.RecoveryRepository;
import org.itinera.core.recovery.RecoveryService;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.settings.SettingsRepository;
import org.itinera.core.settings.SettingsService;
import org.itinera.core.store.IdGenerator;
import org.itinera.core.store.Store;
import org.itinera.core.timeline.TimelineRepository;
import org.itinera.core.timeline.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unlocked database with every core service wired to it by plain constructors. Created by
 * {@link Installation} at sign-in (or first run) and closed at sign-out, which wipes the key.
 * The application's composition root holds one at a time.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Database db;
    private final DatabaseKey key;
    private final Store store;
    private final Keyring keyring;
    private final ReferenceData reference;
    private final AccessPolicy access;
    private final PersonService persons;
    private final PersonMergeService merges;
    private final HouseholdService households;
    private final CaseService cases;
    private final OfficeService offices;
    private final UserService users;
    private final MovementService movements;
    private final BookingService bookings;
    private final ManifestService manifests;
    private final DepartureService departures;
    private final AuditService audit;
    private final ConsentService consents;
    private final ConsentPolicy consentPolicy;
    private final PartnerExchangeService exchange;
    private final HealthService health;
    private final ProtectionService protection;
    private final MedicalSeal medicalSeal;
    private final SettingsService settings;
    private final RecoveryService recovery;
    private final SignInAudit signIns;
    private final AssistanceService assistance;
    private final TimelineService timeline;
    private final Clock clock;
    private final SecureRandom random;
    private UserAccount currentUser;

    Workspace(Database db, DatabaseKey key, Keyring keyring, Argon2Parameters kdf, ReferenceData reference,
              Clock clock, SecureRandom random) {
        this.db = db;
        this.key = key;
        this.keyring = keyring;
        this.reference = reference;
        this.clock = clock;
        this.random = random;
        IdGenerator ids = new IdGenerator(clock, random);
        this.store = Store.open(db, new AuditLog(clock), clock, ids, List.of(new PersonSearchIndex()));
        OfficeRepository officeRepository = new OfficeRepository();
        this.access = new AccessPolicy(new PermissionTable(), officeDirectory(officeRepository), this::recordDenial);
        PersonRepository personRepository = new PersonRepository();
        PartnerRepository partners = new PartnerRepository();
        this.persons = new PersonService(store, personRepository, access, reference, clock);
        this.merges = new PersonMergeService(store, personRepository, access);
        this.households = new HouseholdService(store, new HouseholdRepository(), access);
        this.cases = new CaseService(store, new CaseRepository(), officeRepository, access, clock);
        this.offices = new OfficeService(store, officeRepository, access, reference);
        this.medicalSeal = new MedicalSeal(random);
        this.users = new UserService(store, new UserRepository(), access, new PassphrasePolicy(),
                new KeyringCredentials(keyring, key, kdf, this));
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
        this.audit = new AuditService(store, new AuditRepository(), new AuditVerifier(), access);
        ConsentRepository consentRepository = new ConsentRepository();
        this.consentPolicy = new ConsentPolicy(store, consentRepository, partners, clock);
        this.consents = new ConsentService(store, consentRepository, personRepository, partners, access, clock);
        this.exchange = new PartnerExchangeService(store, new ExchangeRepository(), partners, consentPolicy, access);
        this.health = new HealthService(store, new HealthRepository(), personRepository, access, medicalSeal, clock);
        this.protection = new ProtectionService(store, new ProtectionRepository(), personRepository, access, clock);
        this.settings = new SettingsService(store, new SettingsRepository(), access);
        AccountRecovery accountRecovery = new AccountRecovery(keyring, clock, random);
        this.recovery = new RecoveryService(store, new RecoveryRepository(), accountRecovery,
                (node, signing, escrow) -> accountRecovery.enrol(key, node, signing, escrow), access, clock);
        this.signIns = new SignInAudit(store, keyring, new UserRepository(), new AuditRepository());
        this.assistance = new AssistanceService(store, new AssistanceRepository(), partners, consentPolicy, access, clock);
        this.timeline = new TimelineService(store, new TimelineRepository(), personRepository, access,
                new ProtectionRepository());
    }

    private OfficeDirectory officeDirectory(OfficeRepository offices) {
        return new OfficeDirectory() {
            @Override
            public Optional<String> countryOf(String officeId) {
                return store.read(dsl -> offices.countryOf(dsl, officeId));
            }

            @Override
            public Set<String> officesIn(String country) {
                return store.read(dsl -> offices.idsInCountry(dsl, country));
            }
        };
    }

    /** Denied attempts go into the audit trail too (unless a write is already under way on this thread). */
    private void recordDenial(Actor actor, Permission permission, String officeId) {
        if (store.writingOnThisThread()) {
            LOG.warn("access denied inside a write transaction: {}", permission);
            return;
        }
        try {
            store.auditOnly(actor, new AuditEvent("ACCESS_DENIED", "permission", permission.name(),
                    AuditEvent.Outcome.DENIED, officeId == null ? null : "office=" + officeId));
        } catch (RuntimeException e) {
            LOG.warn("could not record a denied attempt ({})", e.getClass().getSimpleName());
        }
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

    /** Duplicates: merging a person into another and undoing it (issue 7). */
    public PersonMergeService merges() {
        return merges;
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

    public AuditService audit() {
        return audit;
    }

    /** Reintegration assistance (issue 6). */
    public AssistanceService assistance() {
        return assistance;
    }

    /** Everything that happened to a person or household, filtered by what the viewer may see (issue 6). */
    public TimelineService timeline() {
        return timeline;
    }

    public ConsentService consents() {
        return consents;
    }

    /** For services of other modules that must refuse sharing, matching or exports without consent. */
    public ConsentPolicy consentPolicy() {
        return consentPolicy;
    }

    public PartnerExchangeService exchange() {
        return exchange;
    }

    public HealthService health() {
        return health;
    }

    public ProtectionService protection() {
        return protection;
    }

    public SettingsService settings() {
        return settings;
    }

    public RecoveryService recovery() {
        return recovery;
    }

    public Clock clock() {
        return clock;
    }

    public DemoDataGenerator demoData(long seed) {
        return new DemoDataGenerator(store, access, offices, reference, seed, clock);
    }

    /** Records a sign-in under the signed-in user. */
    void recordSignIn(Actor actor, int failedBefore) {
        signIns.recordSignIn(actor, failedBefore);
    }

    /** Writes the failed attempts the keyring kept into the audit trail; returns how many were this user's. */
    int recordFailedSignIns(String username) {
        return signIns.recordFailures(username);
    }

    /** The window was locked (idle, or on request): nothing is visible until the same user unlocks it. */
    public void screenLocked() {
        store.auditOnly(actor(), AuditEvent.ok("SCREEN_LOCK", "user", currentUser.id()));
    }

    /**
     * Unlocks the locked window with the signed-in user's passphrase. Wrong attempts count towards
     * the lock-out exactly like failed sign-ins, and are recorded in the audit trail at once.
     */
    public void unlockScreen(char[] passphrase) {
        try {
            keyring.unlock(currentUser.username(), passphrase).close();
        } catch (SignInException e) {
            recordFailedSignIns(currentUser.username());
            throw e;
        }
        recordFailedSignIns(currentUser.username());
        store.auditOnly(actor(), AuditEvent.ok("SCREEN_UNLOCK", "user", currentUser.id()));
    }

    /** When the current user's account is locked out, until when (for the lock screen). */
    public Optional<java.time.Instant> lockedOutUntil() {
        return keyring.lockedUntil(currentUser.username());
    }

    /** Records the sign-out, then closes the database (which wipes the key). */
    public void signOut() {
        try {
            store.auditOnly(actor(), AuditEvent.ok("SIGN_OUT", "user", currentUser.id()));
        } finally {
            close();
        }
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public void close() {
        medicalSeal.close();
        db.close();
    }

    // ---- the medical key (docs/decisions/0009) ----------------------------------------------------

    private boolean medicalRole(Set<RoleGrant> grants) {
        return grants.stream().anyMatch(g -> access.table().allows(g.role(), Permission.MEDICAL_DETAIL_READ));
    }

    /**
     * At sign-in: a medical role keeps the medical key it unwrapped and seals it for colleagues of
     * this laptop who are still waiting for it; anyone else lets it go, and loses their sealed copy.
     */
    void medicalSignIn(UserAccount account, Optional<MedicalKey> unwrapped) {
        if (!medicalRole(account.grants())) {
            unwrapped.ifPresent(MedicalKey::close);
            if (keyring.hasMedicalGrant(account.username())) {
                keyring.revokeMedical(account.username());
            }
            return;
        }
        unwrapped.ifPresent(k -> {
            medicalSeal.hold(k);
            grantPendingMedical();
        });
    }

    /** Seals the session's medical key for every active medical account of this laptop that lacks it. */
    private void grantPendingMedical() {
        medicalSeal.key().ifPresent(k -> store.read(dsl -> new UserRepository().all(dsl)).stream()
                .filter(u -> u.active() && medicalRole(u.grants()) && keyring.hasUser(u.username())
                        && !keyring.hasMedicalGrant(u.username()))
                .forEach(u -> keyring.grantMedical(k, u.username())));
    }

    /**
     * An account's roles were set: a medical role gets the medical key (created now if this laptop
     * has none yet; the creating session holds it until it closes), others lose it. When this
     * session does not hold the key, the account waits until a medical colleague signs in here.
     */
    void medicalRolesChanged(String username, Set<RoleGrant> grants) {
        if (!medicalRole(grants)) {
            if (keyring.hasMedicalGrant(username)) {
                keyring.revokeMedical(username);
            }
            return;
        }
        if (!keyring.hasMedicalKey()) {
            medicalSeal.hold(keyring.createMedicalKey());
        }
        medicalSeal.key().ifPresent(k -> keyring.grantMedical(k, username));
    }

    /** A new passphrase gives the entry a new key pair: seal the medical key again if this session can. */
    void medicalPassphraseChanged(String username) {
        if (medicalSeal.available()) {
            store.read(dsl -> new UserRepository().byUsername(dsl, username))
                    .filter(u -> u.active() && medicalRole(u.grants()))
                    .ifPresent(u -> medicalSeal.key().ifPresent(k -> keyring.grantMedical(k, username)));
        }
    }

    /** Keyring entries for accounts, wrapped with the key this workspace was unlocked with. */
    private record KeyringCredentials(Keyring keyring, DatabaseKey key, Argon2Parameters kdf, Workspace ws)
            implements Credentials {
        @Override
        public void add(String username, char[] passphrase) {
            keyring.addUser(key, username, passphrase, kdf);
        }

        @Override
        public void change(String username, char[] passphrase) {
            keyring.setPassphrase(key, username, passphrase, kdf);
            ws.medicalPassphraseChanged(username);
        }

        @Override
        public void grantsChanged(String username, Set<RoleGrant> grants) {
            ws.medicalRolesChanged(username, grants);
        }

        @Override
        public void remove(String username) {
            keyring.removeUser(username);
        }

        @Override
        public void verify(String username, char[] passphrase) {
            keyring.unlock(username, passphrase).close();
        }
    }
}
