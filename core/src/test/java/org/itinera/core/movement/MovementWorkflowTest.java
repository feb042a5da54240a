package org.itinera.core.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflow is exactly the one the movement officers described: every change, and which action makes it. */
class MovementWorkflowTest {
    /** The specification: "from to action", one allowed change a line. Anything else is refused. */
    static final String SPEC = """
            REQUESTED ELIGIBILITY_CHECKED MANUAL
            ELIGIBILITY_CHECKED DOCUMENTS_READY MANUAL
            DOCUMENTS_READY BOOKED BOOKING
            BOOKED FIT_TO_TRAVEL MANUAL
            FIT_TO_TRAVEL ON_MANIFEST MANIFEST
            ON_MANIFEST DEPARTED CHECK_IN
            ON_MANIFEST NO_SHOW CHECK_IN
            DEPARTED IN_TRANSIT MANUAL
            DEPARTED ARRIVED MANUAL
            IN_TRANSIT ARRIVED MANUAL
            ON_MANIFEST FIT_TO_TRAVEL MANIFEST
            BOOKED DOCUMENTS_READY BOOKING
            FIT_TO_TRAVEL DOCUMENTS_READY BOOKING
            NO_SHOW DOCUMENTS_READY MANUAL
            REQUESTED CANCELLED MANUAL
            ELIGIBILITY_CHECKED CANCELLED MANUAL
            DOCUMENTS_READY CANCELLED MANUAL
            BOOKED CANCELLED MANUAL
            FIT_TO_TRAVEL CANCELLED MANUAL
            ON_MANIFEST CANCELLED MANUAL
            NO_SHOW CANCELLED MANUAL
            """;

    static Map<String, MovementWorkflow.Route> spec() {
        Map<String, MovementWorkflow.Route> out = new HashMap<>();
        SPEC.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] p = l.split(" ");
            out.put(p[0] + ">" + p[1], MovementWorkflow.Route.valueOf(p[2]));
        });
        return out;
    }

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheSpecificationSaysSoAndByTheActionItNames() {
        Map<String, MovementWorkflow.Route> spec = spec();
        int allowed = 0;
        for (MovementStatus from : MovementStatus.values()) {
            for (MovementStatus to : MovementStatus.values()) {
                var edge = MovementWorkflow.edge(from, to);
                MovementWorkflow.Route expected = spec.get(from + ">" + to);
                assertThat(edge.map(MovementWorkflow.Edge::route).orElse(null)).as(from + " -> " + to).isEqualTo(expected);
                allowed += edge.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(spec.size()).isEqualTo(MovementWorkflow.edges().size());
    }

    @Test
    void nothingLeavesArrivedOrCancelledAndOnlyCancellationsAndNoShowsNeedAReason() {
        for (MovementStatus to : MovementStatus.values()) {
            assertThat(MovementWorkflow.edge(MovementStatus.ARRIVED, to)).isEmpty();
            assertThat(MovementWorkflow.edge(MovementStatus.CANCELLED, to)).isEmpty();
            assertThat(MovementWorkflow.needsReason(to)).isEqualTo(to == MovementStatus.CANCELLED || to == MovementStatus.NO_SHOW);
        }
        assertThat(MovementWorkflow.manualTargets(MovementStatus.ON_MANIFEST)).containsExactly(MovementStatus.CANCELLED);
        assertThat(MovementWorkflow.manualTargets(MovementStatus.DEPARTED))
                .containsExactlyInAnyOrder(MovementStatus.IN_TRANSIT, MovementStatus.ARRIVED);
    }
}
