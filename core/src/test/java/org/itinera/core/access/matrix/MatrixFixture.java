package org.itinera.core.access.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.access.UserAccount;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.consent.NewConsent;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.organisation.Office;
import org.itinera.core.recovery.HubRecoveryIssuer;
import org.itinera.core.recovery.RecoveryCrypto;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;

/**
 * A real encrypted installation for the permission matrix: offices in Senegal (home) and Mali
 * (other), a person of the home office with a household, a case, a data-sharing consent and a
 * medical check, and one user per role and grant scope. Sample calls draw fresh targets from here.
 */
public final class MatrixFixture implements AutoCloseable {
    public static final String HOME_COUNTRY = "SEN";
    public static final String OTHER_COUNTRY = "MLI";
    public static final String PASSPHRASE = "matrix users share this long passphrase";

    public final Path dir;
    public final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    public final Workspace ws;
    public final Actor system = Actor.system("matrix-fixture");
    public final String homeOffice;
    public final String otherOffice;
    public final String homePerson;
    public final String homeHousehold;
    public final String partner;
    public final HubRecoveryIssuer hub;
    private final Map<Role, Map<GrantScope, UserAccount>> users = new EnumMap<>(Role.class);
    private final AtomicInteger counter = new AtomicInteger();

    public MatrixFixture() throws IOException {
        dir = Files.createTempDirectory("itinera-matrix");
        ws = TestInstallations.firstRun(dir, clock);
        ws.demoData(7).generate(system, 6, ProgressSink.NONE);
        List<Office> offices = ws.offices().all();
        homeOffice = office(offices, "DKR");
        otherOffice = office(offices, "BKO");
        homePerson = newPerson(homeOffice);
        homeHousehold = ws.households().create(system, "HH-HOME", homeOffice, homePerson);
        partner = ws.consents().partners().getFirst().id();
        ws.consents().record(system, new NewConsent(homePerson, ConsentPurpose.DATA_SHARING, partner,
                LocalDate.of(2026, 11, 1), ConsentMethod.SIGNED, null, null, null));
        org.itinera.core.testing.MedicalChecks.fitWithNurse(ws, system, homePerson);
        SecureRandom random = new SecureRandom();
        KeyPair signing = RecoveryCrypto.generate("Ed25519", random);
        KeyPair escrow = RecoveryCrypto.generate("X25519", random);
        hub = new HubRecoveryIssuer(signing, escrow, random, Argon2Parameters.FAST_FOR_TESTS);
        for (Role role : Role.values()) {
            Map<GrantScope, UserAccount> byScope = new EnumMap<>(GrantScope.class);
            for (GrantScope scope : GrantScope.values()) {
                byScope.put(scope, ws.users().create(ws.actor(), new NewUser(
                        "m." + role.name().toLowerCase(java.util.Locale.ROOT) + "." + scope.ordinal(),
                        role + " " + scope, homeOffice, "en", Set.of(scope.grant(role, this))), PASSPHRASE.toCharArray()));
            }
            users.put(role, byScope);
        }
    }

    private static String office(List<Office> offices, String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().id();
    }

    public Actor actor(Role role, GrantScope scope) {
        return users.get(role).get(scope).asActor();
    }

    public int next() {
        return counter.incrementAndGet();
    }

    public String newPerson(String officeId) {
        return ws.persons().create(system, new PersonDetails("Aminata", "Touré", null, null, null, Sex.F,
                BirthDate.year(1990, false), "SEN", null, "wol", null, officeId)).id();
    }

    /** A caseworker of the home office, to be the target of an administrator's action. */
    public String newUser() {
        int n = next();
        return ws.users().create(ws.actor(), new NewUser("target" + n, "Target " + n, homeOffice, "en",
                Set.of(RoleGrant.inOffice(Role.CASEWORKER, homeOffice))), PASSPHRASE.toCharArray()).id();
    }

    public String newConsent() {
        return ws.consents().record(system, new NewConsent(homePerson, ConsentPurpose.RESEARCH, null,
                LocalDate.of(2026, 11, 2), ConsentMethod.SPOKEN, null, null, null)).id();
    }

    /** Letters only, unique: office codes and the like. */
    public String letters() {
        int n = next();
        StringBuilder sb = new StringBuilder("Q");
        do {
            sb.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        ws.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
