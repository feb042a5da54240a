package org.itinera.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.PersonSummary;
import org.itinera.core.workspace.Workspace;

/**
 * The registry as a caseworker limited to one office sees it on a big installation: first page of
 * persons, the page after it, first page of cases, and the three counts the registry shows. The
 * baseline in the same run is the same calls by the everywhere-scoped administrator.
 * Usage: ScopedRegistryBench DIR [REPS] (DIR: an installation made by DemoGenerationBench)
 */
public final class ScopedRegistryBench {
    private static final String USER = "reg.caseworker";
    private static final String PASSPHRASE = "amber kettles drift over quiet dunes";

    private ScopedRegistryBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String office;
        try (Workspace admin = BenchSupport.openOrCreate(dir)) {
            office = admin.store().read(dsl -> String.valueOf(dsl.fetchValue(
                    "SELECT office_id FROM person GROUP BY office_id ORDER BY count(*) DESC LIMIT 1")));
            if (admin.users().activeAccount(USER).isEmpty()) {
                admin.users().create(admin.actor(), new NewUser(USER, "Registry Caseworker", office, "en",
                        Set.of(RoleGrant.inOffice(Role.CASEWORKER, office))), PASSPHRASE.toCharArray());
            }
            run("administrator (everywhere)", admin, reps);
        }
        try (Workspace cw = BenchSupport.installation(dir).signIn(USER, PASSPHRASE.toCharArray())) {
            run("caseworker limited to office " + office, cw, reps);
        }
    }

    private static void run(String who, Workspace ws, int reps) {
        BenchSupport.print(who + ":");
        List<PersonSummary> first = ws.persons().page(ws.actor(), 0, 50);
        time("  persons, first page", reps, () -> ws.persons().page(ws.actor(), 0, 50));
        time("  persons, next page (seek)", reps, () -> ws.persons().pageAfter(ws.actor(), first.getLast(), 50));
        time("  cases, first page", reps, () -> ws.cases().page(ws.actor(), 0, 50));
        time("  counts (persons + households + cases)", reps, () -> ws.persons().count(ws.actor())
                + ws.households().count(ws.actor()) + ws.cases().count(ws.actor()));
    }

    private static void time(String what, int reps, Supplier<Object> call) {
        call.get(); // warm
        long[] ns = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            call.get();
            ns[i] = System.nanoTime() - t;
        }
        BenchSupport.print(String.format(Locale.ROOT, "%-45s p50 %s, p95 %s", what, BenchSupport.ms(
                BenchSupport.percentile(ns, 50)), BenchSupport.ms(BenchSupport.percentile(ns, 95))));
    }
}
