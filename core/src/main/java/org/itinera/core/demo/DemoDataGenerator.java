package org.itinera.core.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.itinera.core.access.AccessPolicy;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.audit.AuditEvent;
import org.itinera.core.organisation.Office;
import org.itinera.core.organisation.OfficeService;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.Store;
import org.itinera.core.task.ProgressSink;

/**
 * Deterministic, realistic demo data: West/Central African, North African and Horn of Africa
 * names with real spelling variants and original-script forms, households, cases across movement,
 * medical and assistance, and planted near-duplicates. The same seed and clock give the same
 * people (ids are fresh UUIDv7s). Writes through the store's bulk path, so every row is a change
 * that would sync, like any other data.
 */
public final class DemoDataGenerator {
    /** Offices the demo mission works from (code, name, ISO alpha-3 country). */
    static final String[][] OFFICES = {
        {"DKR", "Dakar", "SEN"}, {"BKO", "Bamako", "MLI"}, {"NIM", "Niamey", "NER"}, {"AGA", "Agadez", "NER"},
        {"CKY", "Conakry", "GIN"}, {"ABJ", "Abidjan", "CIV"}, {"TIP", "Tripoli", "LBY"},
    };

    private final Store store;
    private final AccessPolicy access;
    private final OfficeService offices;
    private final long seed;
    private final Clock clock;
    private final NamePools names = new NamePools();

    private final ReferenceData reference;

    public DemoDataGenerator(Store store, AccessPolicy access, OfficeService offices, ReferenceData reference, long seed,
                             Clock clock) {
        this.store = store;
        this.reference = reference;
        this.access = access;
        this.offices = offices;
        this.seed = seed;
        this.clock = clock;
    }

    /** Creates the demo offices that do not exist yet; returns all offices. */
    public List<Office> ensureOffices(Actor actor) {
        List<Office> existing = offices.all();
        for (String[] o : OFFICES) {
            if (existing.stream().noneMatch(e -> e.code().equals(o[0]))) {
                offices.create(actor, o[0], o[1], o[2]);
            }
        }
        return offices.all();
    }

    /** Generates {@code count} persons with their households, cases and module records. */
    public DemoSummary generate(Actor actor, int count, ProgressSink progress) {
        access.require(actor, Permission.DEMO_DATA_GENERATE);
        List<Office> officeList = ensureOffices(actor);
        long start = System.nanoTime();
        long counterBefore = store.lastCounter();
        Counts counts = new Counts();
        store.bulk(actor, AuditEvent.ok("DEMO_DATA_GENERATE", "person", null, "persons=" + count), 25_000, tx -> {
            String userId = actor.isSystem() ? null : actor.userId();
            DemoRows rows = new DemoRows(tx, officeList, userId).withDepartures(
                    new DemoDepartures(tx, reference, seed, LocalDate.now(clock), userId));
            rows.partners(new SplittableRandom(seed ^ 0x5DEECE66DL));
            SplittableRandom rnd = new SplittableRandom(seed);
            while (counts.persons < count) {
                progress.checkCancelled();
                int size = householdSize(rnd, count - counts.persons);
                generateGroup(rows, rnd, size, counts);
                progress.report(counts.persons, count);
            }
        });
        return new DemoSummary(counts.persons, counts.households, counts.cases, counts.movements, counts.duplicates,
                store.lastCounter() - counterBefore, Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class Counts {
        int persons;
        int households;
        int cases;
        int movements;
        int duplicates;
    }

    private static int householdSize(SplittableRandom rnd, int remaining) {
        int size = rnd.nextInt(100) < 50 ? 1 : 2 + rnd.nextInt(5);
        return Math.min(size, remaining);
    }

    /** A single traveller or a household: people, documents, one case, and what that case went through. */
    private void generateGroup(DemoRows rows, SplittableRandom rnd, int size, Counts counts) {
        NamePools.Group group = pickGroup(rnd);
        String nationality = nationality(group, rnd);
        Office office = rows.office(rnd);
        NamePools.Name family = pick(rnd, names.of(group, NamePools.Kind.S));
        LocalDate today = LocalDate.now(clock);
        List<DemoRows.PersonRow> people = new ArrayList<>(size);
        boolean headMale = rnd.nextInt(100) < 68;
        for (int i = 0; i < size; i++) {
            boolean male;
            int age;
            if (i == 0) {
                male = headMale;
                age = 18 + rnd.nextInt(42);
            } else if (i == 1 && size > 2) {
                male = !headMale;
                age = 18 + rnd.nextInt(35);
            } else {
                male = rnd.nextBoolean();
                age = rnd.nextInt(17);
            }
            NamePools.Name given = pick(rnd, names.of(group, male ? NamePools.Kind.M : NamePools.Kind.F));
            people.add(rows.person(rnd, given, family, male, age, today, nationality, group, office));
            counts.persons++;
        }
        String householdId = null;
        if (size > 1) {
            householdId = rows.household(rnd, people, office);
            counts.households++;
        }
        DemoRows.CaseRow c = rows.caseFile(rnd, people.getFirst(), householdId, office, today, group);
        counts.cases++;
        rows.lifecycle(rnd, c, people, today);
        counts.movements += c.movements();
        // about 2 in 100 single travellers are registered twice, under another spelling
        if (size == 1 && rnd.nextInt(100) < 2) {
            rows.nearDuplicate(rnd, people.getFirst());
            counts.duplicates++;
            counts.persons++;
        }
    }

    private static NamePools.Group pickGroup(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        if (r < 58) {
            return NamePools.Group.SAHEL;
        }
        if (r < 78) {
            return NamePools.Group.COAST;
        }
        if (r < 94) {
            return NamePools.Group.ARAB;
        }
        return NamePools.Group.HORN;
    }

    private static String nationality(NamePools.Group g, SplittableRandom rnd) {
        String[] options = switch (g) {
            case SAHEL -> new String[] {"SEN", "MLI", "GIN", "GMB", "NER", "BFA", "CIV", "MRT", "NGA"};
            case COAST -> new String[] {"NGA", "GHA", "CMR", "CIV", "LBR", "SLE", "COD", "TGO", "BEN"};
            case ARAB -> new String[] {"SDN", "TCD", "LBY", "MAR", "DZA", "TUN", "EGY", "MRT"};
            case HORN -> new String[] {"ERI", "ETH"};
        };
        return options[rnd.nextInt(options.length)];
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
