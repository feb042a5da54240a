package org.itinera.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.core.casefile.PersonService;
import org.itinera.core.workspace.Workspace;

/**
 * Name search latency on an existing installation (e.g. 1M generated persons): p50/p95/max over a
 * mix of Latin, Arabic, partial and two-letter queries, through PersonService.search (trigram
 * index + fetching the summaries), against a LIKE scan of the same names in the same run.
 * Usage: SearchBench DIR [ROUNDS]
 */
public final class SearchBench {
    static final List<String> QUERIES = List.of("diallo", "mohamed traore", "moham", "keita ous", "fatoumata",
            "aissatou ba", "abdoulaye", "sangare", "ouedraogo", "ndiaye", "محمد", "فاطمة", "عبد الله", "حداد",
            "ba", "sy", "kone", "tesfa", "haile", "gebremedhin", "bensalem", "zeinab", "yac", "souley");

    /** As many hits as the registry shows before asking to narrow the search. */
    static final int LIMIT = 100;

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Workspace ws = BenchSupport.openOrCreate(dir)) {
            int total = ws.persons().count(ws.actor());
            for (String q : QUERIES) { // warm-up: caches, JIT
                ws.persons().search(ws.actor(), q, LIMIT);
            }
            List<Long> times = new ArrayList<>();
            long hits = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    long t = System.nanoTime();
                    PersonService.SearchResult res = ws.persons().search(ws.actor(), q, LIMIT);
                    times.add(System.nanoTime() - t);
                    hits += res.hits().size();
                }
            }
            long[] ns = times.stream().mapToLong(Long::longValue).toArray();
            BenchSupport.print(String.format(Locale.ROOT,
                    "search over %,d persons: %d queries, p50 %s, p95 %s, max %s (avg %.0f hits, limit " + LIMIT + ")",
                    total, ns.length, BenchSupport.ms(BenchSupport.percentile(ns, 50)),
                    BenchSupport.ms(BenchSupport.percentile(ns, 95)), BenchSupport.ms(BenchSupport.percentile(ns, 100)),
                    (double) hits / ns.length));
            long[] scan = new long[5];
            for (int i = 0; i < scan.length; i++) {
                long t = System.nanoTime();
                ws.store().read(dsl -> dsl.fetchCount(dsl.selectFrom("person")
                        .where("lower(given_name || ' ' || family_name) LIKE '%diallo%'")));
                scan[i] = System.nanoTime() - t;
            }
            BenchSupport.print("baseline LIKE '%diallo%' scan of the person table: p50 "
                    + BenchSupport.ms(BenchSupport.percentile(scan, 50)));
            long t = System.nanoTime();
            ws.persons().page(ws.actor(), total / 2, 200);
            BenchSupport.print("registry page of 200 at offset " + total / 2 + ": "
                    + BenchSupport.ms((System.nanoTime() - t) / 1e6));
            java.util.List<org.itinera.core.casefile.PersonSummary> mid = ws.persons().page(ws.actor(), total / 2, 200);
            t = System.nanoTime();
            ws.persons().pageAfter(ws.actor(), mid.getLast(), 200);
            BenchSupport.print("registry next page of 200 after the middle (seek): " + BenchSupport.ms((System.nanoTime() - t) / 1e6));
            t = System.nanoTime();
            ws.persons().page(ws.actor(), 0, 200);
            BenchSupport.print("registry first page of 200: " + BenchSupport.ms((System.nanoTime() - t) / 1e6));
            t = System.nanoTime();
            ws.persons().count(ws.actor());
            BenchSupport.print("person count: " + BenchSupport.ms((System.nanoTime() - t) / 1e6));
        }
    }
}
