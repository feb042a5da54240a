package org.itinera.core.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.organisation.Office;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Installation;
import org.itinera.core.workspace.Workspace;

/**
 * A ready-to-explore demo installation: an administrator, one account per role (all with the demo
 * passphrase, shown on the sign-in screen in demo mode only), the demo offices and generated
 * persons. Only ever used on a data directory of its own.
 */
public final class DemoSetup {
    public static final String ADMIN = "admin";
    public static final String PASSPHRASE = "itinera demo passphrase";
    public static final long SEED = 2026;

    /** Demo accounts: username, display name, role, and optionally where ("office:CODE" or "country:ISO3"). */
    public static final List<String[]> ACCOUNTS = List.of(
            new String[] {"awa.diop", "Awa Diop", Role.CASEWORKER.name()},
            new String[] {"moussa.keita", "Moussa Keïta", Role.MOVEMENT_OFFICER.name()},
            new String[] {"fatou.sow", "Dr Fatou Sow", Role.MEDICAL_OFFICER.name()},
            new String[] {"ibrahim.bah", "Ibrahim Bah", Role.DATA_OFFICER.name()},
            new String[] {"auditor", "Claire Martin", Role.AUDITOR.name()},
            new String[] {"binta.camara", "Binta Camara", Role.CASEWORKER.name(), "office:BKO"},
            new String[] {"omar.issa", "Omar Issa", Role.MOVEMENT_OFFICER.name(), "country:NER"});

    private DemoSetup() {
    }

    /** Initialises the installation as a demo if it is new; returns true when it did. */
    public static boolean prepare(Installation installation, int persons, ProgressSink progress) {
        if (installation.isInitialised()) {
            return false;
        }
        try (Workspace ws = installation.initialise(new FirstRun(ADMIN, "Aminata Diallo (demo)",
                PASSPHRASE.toCharArray(), "DKR", "Dakar", "SEN", "en"))) {
            DemoDataGenerator generator = ws.demoData(SEED);
            List<Office> offices = generator.ensureOffices(ws.actor());
            Optional<String> dakar = offices.stream().filter(o -> o.code().equals("DKR")).map(Office::id).findFirst();
            for (String[] a : ACCOUNTS) {
                RoleGrant grant = grant(Role.valueOf(a[2]), a.length > 3 ? a[3] : null, offices);
                ws.users().create(ws.actor(), new NewUser(a[0], a[1], grant.officeId().or(() -> dakar).orElse(null), "en",
                        Set.of(grant)), PASSPHRASE.toCharArray());
            }
            generator.generate(ws.actor(), persons, progress);
            // the session that created the medical officer's account holds the medical key until it closes
            ws.users().activeAccount("fatou.sow").ifPresent(medic -> DemoMedical.record(ws, medic.asActor(), 25, SEED));
        }
        return true;
    }

    private static RoleGrant grant(Role role, String where, List<Office> offices) {
        if (where == null) {
            return RoleGrant.everywhere(role);
        }
        if (where.startsWith("country:")) {
            return RoleGrant.inCountry(role, where.substring("country:".length()));
        }
        String code = where.substring("office:".length());
        return RoleGrant.inOffice(role, offices.stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().id());
    }
}
