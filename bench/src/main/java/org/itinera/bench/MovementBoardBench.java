package org.itinera.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.workspace.Workspace;

/**
 * Loading the movement board (departures from three days ago to three weeks ahead, with counts and
 * the gate's verdict on every traveller still to go) on a copy of the 1M-person database. Signing
 * in migrates the copy to this schema; then demo persons are generated on top, with their upcoming
 * departures (bookings, legs, manifests), unless already there. Baseline in the same run: the
 * registry's first page of persons.
 * Usage: MovementBoardBench COPY_DIR [EXTRA_PERSONS]   (COPY_DIR: a copy of /work/bench-1m/demo)
 */
public final class MovementBoardBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int extra = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long t0 = System.nanoTime();
        try (Workspace ws = BenchSupport.installation(dir).signIn(BenchSupport.USER, BenchSupport.PASSPHRASE.toCharArray())) {
            BenchSupport.print(String.format(Locale.ROOT, "sign-in with migration: %.1f s", (System.nanoTime() - t0) / 1e9));
            LocalDate today = LocalDate.now(ws.clock());
            if (ws.departures().board(ws.actor(), today, today.plusDays(21)).isEmpty()) {
                long g = System.nanoTime();
                var s = ws.demoData(99).generate(ws.actor(), extra, ProgressSink.NONE);
                BenchSupport.print(String.format(Locale.ROOT, "generated %,d more persons (%,d movements) with their departures in %.1f s",
                        s.persons(), s.movements(), (System.nanoTime() - g) / 1e9));
            }
            long first = System.nanoTime();
            List<Departure> board = ws.departures().board(ws.actor(), today.minusDays(3), today.plusDays(21));
            long firstNanos = System.nanoTime() - first;
            int runs = 20;
            long[] times = new long[runs];
            long[] baseline = new long[runs];
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                board = ws.departures().board(ws.actor(), today.minusDays(3), today.plusDays(21));
                long b = System.nanoTime() - t;
                t = System.nanoTime();
                ws.persons().page(ws.actor(), 0, 200);
                long p = System.nanoTime() - t;
                if (i >= 3) {
                    times[i - 3] = b;
                    baseline[i - 3] = p;
                }
            }
            int booked = board.stream().mapToInt(Departure::booked).sum();
            int blocked = board.stream().mapToInt(Departure::blocked).sum();
            BenchSupport.print(String.format(Locale.ROOT, "board: %d departures, %,d travellers booked, %,d blocked; persons in the database: %,d",
                    board.size(), booked, blocked, ws.persons().count(ws.actor())));
            BenchSupport.print(String.format(Locale.ROOT, "board load, first after sign-in: %s; warm: p50 %s, p95 %s, max %s",
                    BenchSupport.ms(firstNanos / 1e6), BenchSupport.ms(BenchSupport.percentile(times, 50)),
                    BenchSupport.ms(BenchSupport.percentile(times, 95)), BenchSupport.ms(BenchSupport.percentile(times, 100))));
            BenchSupport.print(String.format(Locale.ROOT, "baseline, registry first page (200 persons): p50 %s, p95 %s",
                    BenchSupport.ms(BenchSupport.percentile(baseline, 50)), BenchSupport.ms(BenchSupport.percentile(baseline, 95))));
        }
    }

    private MovementBoardBench() {
    }
}
