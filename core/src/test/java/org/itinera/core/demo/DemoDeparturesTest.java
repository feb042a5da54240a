package org.itinera.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.movement.DepartureService.Departure;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestService;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's movement board is not empty, and what it shows is consistent with the gate. */
class DemoDeparturesTest {
    static final MutableClock CLOCK = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void upcomingDeparturesFromTheMissionsOfficesWithPrintableManifestsAndSomeBlockers(@TempDir Path dir) {
        try (Workspace ws = TestInstallations.firstRun(dir, CLOCK)) {
            ws.demoData(2026).generate(ws.actor(), 1500, ProgressSink.NONE);
            Actor officer = ws.users().create(ws.actor(), new NewUser("awa.mbaye", "Awa Mbaye", null, "en",
                    Set.of(RoleGrant.everywhere(Role.MOVEMENT_OFFICER))), "a long movement officer passphrase".toCharArray())
                    .asActor();
            LocalDate today = LocalDate.of(2026, 11, 23);
            List<Departure> board = ws.departures().board(officer, today, today.plusDays(21));
            assertThat(board).hasSizeGreaterThan(8);
            assertThat(board).extracting(d -> d.flight().from()).contains("DSS", "BKO", "NIM", "MJI", "AJY");
            assertThat(board.stream().mapToInt(Departure::booked).sum()).isGreaterThan(50);
            assertThat(board.stream().mapToInt(Departure::blocked).sum()).isPositive();
            assertThat(board).anySatisfy(d -> assertThat(d.booked()).isGreaterThan(4));
            List<Manifest> open = board.stream().flatMap(d -> d.manifest().stream()).filter(Manifest::isOpen).toList();
            assertThat(open).isNotEmpty();
            for (Manifest m : open) {
                ManifestService.Review r = ws.manifests().review(officer, m.id());
                assertThat(r.blocked()).as(m.manifestNo()).isZero();
            }
            ws.manifests().print(officer, open.getFirst().id(), (k, a) -> k, new ByteArrayOutputStream());
            assertThat(ws.manifests().find(officer, open.getFirst().id()).orElseThrow().status()).isEqualTo(ManifestStatus.FINAL);
            // departures of the last days wait for their arrival to be recorded
            assertThat(ws.departures().board(officer, today.minusDays(3), today.minusDays(1)))
                    .anySatisfy(d -> assertThat(d.manifest()).hasValueSatisfying(m ->
                            assertThat(m.status()).isEqualTo(ManifestStatus.DEPARTED)));
        }
    }
}
