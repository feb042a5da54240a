package org.itinera.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.BookingDraft;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.Flight;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestLabels;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestSheet;
import org.itinera.core.movement.MovementRequest;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.MovementType;
import org.itinera.core.movement.PassengerDraft;
import org.itinera.core.movement.SegmentDraft;
import org.itinera.core.movement.TravelConsent;
import org.itinera.core.movement.TravelDocument;
import org.itinera.core.movement.pdf.ManifestPdf;
import org.itinera.core.workspace.FirstRun;
import org.itinera.core.workspace.Workspace;

/**
 * Printing a 500-passenger manifest. Prepares (once) a real installation with 500 travellers,
 * half with Arabic names, in households, booked on one charter Tripoli to Bamako and on its
 * manifest, through the services. Then, in one JVM: the full print (gate re-check of everyone,
 * database reads, PDF) and the PDF rendering alone, warm; as the baseline, the same rows drawn
 * with a standard PDF font (no embedding, no shaping). With {@code --cold}, one print in this new
 * JVM, timed from JVM start and from the call; with {@code --cold-prepared}, the same after the
 * fonts were loaded (as the editor does in the background when a manifest opens).
 * Usage: ManifestPrintBench DIR [--cold | --cold-prepared]
 */
public final class ManifestPrintBench {
    static final String OFFICER = "movement.bench";
    static final String OFFICER_PASSPHRASE = "a long movement officer passphrase";
    static final int PASSENGERS = 500;
    static final ManifestLabels LABELS = (key, args) -> key.substring(key.lastIndexOf('.') + 1)
            + (args.length == 0 ? "" : " " + List.of(args));

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean cold = args.length > 1 && args[1].equals("--cold");
        long t0 = System.nanoTime();
        var installation = BenchSupport.installation(dir.resolve("demo"));
        if (!installation.isInitialised()) {
            try (Workspace ws = installation.initialise(new FirstRun("pdf.admin", "Manifest benchmark", OFFICER_PASSPHRASE.toCharArray(),
                    "TIP", "Tripoli", "LBY", "en"))) {
                prepare(ws);
            }
            BenchSupport.print(String.format(Locale.ROOT, "prepared %d travellers on one manifest in %.1f s", PASSENGERS,
                    (System.nanoTime() - t0) / 1e9));
        }
        try (Workspace ws = BenchSupport.installation(dir.resolve("demo")).signIn(OFFICER, OFFICER_PASSPHRASE.toCharArray())) {
            Manifest m = ws.departures().board(ws.actor(), LocalDate.now(), LocalDate.now().plusDays(5)).stream()
                    .flatMap(d -> d.manifest().stream()).findFirst().orElseThrow();
            if (cold || args.length > 1 && args[1].equals("--cold-prepared")) {
                long prepared = 0;
                if (!cold) {
                    // as in the application: the fonts load in the background when the manifest opens
                    long p = System.nanoTime();
                    ws.manifests().preparePrinting();
                    prepared = System.nanoTime() - p;
                }
                long call = System.nanoTime();
                int bytes = print(ws, m);
                long end = System.nanoTime();
                if (!cold) {
                    BenchSupport.print(String.format(Locale.ROOT, "cold, fonts prepared first (%s): first print %s",
                            BenchSupport.ms(prepared / 1e6), BenchSupport.ms((end - call) / 1e6)));
                    return;
                }
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                BenchSupport.print(String.format(Locale.ROOT,
                        "cold: first print in a new JVM %s (call to PDF); JVM start to PDF %d ms (includes sign-in, Argon2, SQLite open); %,d bytes",
                        BenchSupport.ms((end - call) / 1e6), sinceStart, bytes));
                return;
            }
            warm(ws, m);
        }
    }

    private static void warm(Workspace ws, Manifest m) throws IOException {
        for (int i = 0; i < 5; i++) {
            print(ws, m);
        }
        int runs = 20;
        long[] full = new long[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            bytes = print(ws, m);
            full[i] = System.nanoTime() - t;
        }
        long[] review = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            ws.manifests().review(ws.actor(), m.id());
            review[i] = System.nanoTime() - t;
        }
        List<ManifestPassenger> passengers = ws.manifests().review(ws.actor(), m.id()).passengers();
        ManifestSheet sheet = new ManifestSheet(m, "Tripoli", "Bamako", "Tripoli (TIP)", passengers, List.of(), "Bench",
                java.time.Instant.now(), null, LABELS);
        ManifestPdf pdf = new ManifestPdf();
        long[] render = new long[runs];
        long[] baseline = new long[runs];
        for (int i = 0; i < runs + 5; i++) {
            long t = System.nanoTime();
            pdf.print(sheet, new ByteArrayOutputStream());
            long r = System.nanoTime() - t;
            t = System.nanoTime();
            plain(passengers);
            long b = System.nanoTime() - t;
            if (i >= 5) {
                render[i - 5] = r;
                baseline[i - 5] = b;
            }
        }
        BenchSupport.print(String.format(Locale.ROOT, "warm full print of %d passengers (gate re-check + reads + PDF, %,d bytes): p50 %s, p95 %s, max %s",
                passengers.size(), bytes, BenchSupport.ms(BenchSupport.percentile(full, 50)),
                BenchSupport.ms(BenchSupport.percentile(full, 95)), BenchSupport.ms(BenchSupport.percentile(full, 100))));
        BenchSupport.print(String.format(Locale.ROOT, "warm gate re-check and reads alone (review): p50 %s, p95 %s",
                BenchSupport.ms(BenchSupport.percentile(review, 50)), BenchSupport.ms(BenchSupport.percentile(review, 95))));
        BenchSupport.print(String.format(Locale.ROOT, "warm PDF rendering alone: p50 %s, p95 %s",
                BenchSupport.ms(BenchSupport.percentile(render, 50)), BenchSupport.ms(BenchSupport.percentile(render, 95))));
        BenchSupport.print(String.format(Locale.ROOT, "baseline, same rows in Helvetica (no embedding, no shaping, no QR): p50 %s, p95 %s",
                BenchSupport.ms(BenchSupport.percentile(baseline, 50)), BenchSupport.ms(BenchSupport.percentile(baseline, 95))));
    }

    private static int print(Workspace ws, Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ws.manifests().print(ws.actor(), m.id(), LABELS, out);
        return out.size();
    }

    /** The baseline: a landscape table of the same rows with a standard font and nothing else. */
    private static void plain(List<ManifestPassenger> rows) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            for (int from = 0; from < rows.size(); from += 27) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 470;
                    for (ManifestPassenger p : rows.subList(from, Math.min(rows.size(), from + 27))) {
                        cs.beginText();
                        cs.setFont(font, 8.5f);
                        cs.newLineAtOffset(30, y);
                        cs.showText(p.familyName().toUpperCase(Locale.ROOT).replaceAll("[^\\x20-\\x7e]", "?") + ", "
                                + p.givenNames().replaceAll("[^\\x20-\\x7e]", "?") + "   " + p.sex() + "   " + p.age() + "   "
                                + p.nationality() + "   " + p.documentNumber());
                        cs.endText();
                        y -= 15;
                    }
                }
            }
            doc.save(new ByteArrayOutputStream());
        }
    }

    /** 500 travellers in households (half with Arabic names), documents and consent, booked and on one manifest. */
    static void prepare(Workspace ws) {
        Actor officer = ws.users().create(ws.actor(), new NewUser(OFFICER, "Bench officer", ws.currentUser().officeId(), "en",
                Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), OFFICER_PASSPHRASE.toCharArray()).asActor();
        String office = ws.currentUser().officeId();
        String[][] names = {{"Mohamed", "Abdallah", "محمد", "عبد الله"}, {"Fatima", "Haddad", "فاطمة", "حداد"},
            {"Salah", "Bilal", "صلاح", "بلال"}, {"Aicha", "Ben Ali", "عائشة", "بن علي"}, {"Mamadou", "Diallo", null, null},
            {"Aminata", "Traoré", null, null}, {"Ousmane", "Keïta", null, null}, {"Kadiatou", "Camara", null, null}};
        LocalDate today = LocalDate.now();
        LocalDate day = today.plusDays(2);
        List<String> all = new ArrayList<>();
        int n = 0;
        while (n < PASSENGERS) {
            int size = Math.min(PASSENGERS - n, 1 + n % 4);
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < size; i++, n++) {
                String[] nm = names[n % names.length];
                people.add(ws.persons().create(ws.actor(), new PersonDetails(nm[0], nm[1] + " " + (n / names.length), null,
                        nm[2], nm[3], n % 2 == 0 ? Sex.M : Sex.F, BirthDate.year(i == 0 ? 1980 + n % 20 : 2005 + n % 15, false),
                        "MLI", null, null, null, office)));
            }
            String household = null;
            if (size > 1) {
                household = ws.households().create(ws.actor(), "HH-BENCH-" + n, office, people.getFirst().id());
                for (Person p : people.subList(1, size)) {
                    ws.households().addMember(ws.actor(), household, p.id(), org.itinera.core.casefile.Relationship.CHILD);
                }
            }
            String caseNo = ws.cases().open(ws.actor(), new CaseDraft(CaseType.AVRR, people.getFirst().id(), household, office,
                    "MLI", null));
            String caseId = ws.cases().ofPerson(ws.actor(), people.getFirst().id()).stream()
                    .filter(c -> c.caseNo().equals(caseNo)).findFirst().orElseThrow().id();
            List<String> ids = ws.movements().request(officer, new MovementRequest(caseId, people.stream().map(Person::id).toList(),
                    MovementType.VOLUNTARY_RETURN, "MLI", "Bamako", false));
            ws.movements().transition(officer, ids, MovementStatus.ELIGIBILITY_CHECKED, null, null);
            for (Person p : people) {
                ws.movements().recordTravelDocument(officer, p.id(), new TravelDocument("LAISSEZ_PASSER",
                        "LP" + (100000 + all.size() + people.indexOf(p)), "MLI", today, today.plusMonths(2)));
                ws.movements().recordTravelConsent(officer, p.id(), new TravelConsent(TravelConsent.Method.SIGNED, today, null,
                        null, null));
            }
            ws.movements().transition(officer, ids, MovementStatus.DOCUMENTS_READY, null, null);
            ws.bookings().book(officer, new BookingDraft("UZBNCH", BookingStatus.TICKETED, List.of(new SegmentDraft("UZ", "5202",
                    "MJI", "BKO", day.atTime(7, 30), day.atTime(11, 10))), ids.stream().map(PassengerDraft::of).toList(),
                    List.of()));
            all.addAll(ids);
        }
        Manifest m = ws.manifests().openFor(officer, new Flight("UZ", "5202", "MJI", "BKO", day));
        for (int i = 0; i < all.size(); i += 100) {
            ws.manifests().add(officer, m.id(), all.subList(i, Math.min(all.size(), i + 100)), true);
        }
    }

    private ManifestPrintBench() {
    }
}
