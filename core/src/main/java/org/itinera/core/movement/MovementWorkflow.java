package org.itinera.core.movement;

import static org.itinera.core.movement.MovementStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The allowed status changes of a movement, and which action makes each one. Anything not listed
 * is refused. Some changes only happen as part of an action that also writes something else
 * (booking, putting on a manifest, check-in), so the plain "change status" action cannot make them.
 */
public final class MovementWorkflow {
    /** Which action makes a change. */
    public enum Route {
        /** {@code MovementService.transition}: the officer records a step. */
        MANUAL,
        /** {@code BookingService}: booking, or leaving a booking. */
        BOOKING,
        /** {@code ManifestService}: putting on, or taking off, a manifest. */
        MANIFEST,
        /** {@code ManifestService} on the day: boarded and departed, or no-show. */
        CHECK_IN
    }

    public record Edge(MovementStatus from, MovementStatus to, Route route) {
    }

    private static final List<Edge> EDGES = List.of(
            new Edge(REQUESTED, ELIGIBILITY_CHECKED, Route.MANUAL),
            new Edge(ELIGIBILITY_CHECKED, DOCUMENTS_READY, Route.MANUAL),
            new Edge(DOCUMENTS_READY, BOOKED, Route.BOOKING),
            new Edge(BOOKED, FIT_TO_TRAVEL, Route.MANUAL),
            new Edge(FIT_TO_TRAVEL, ON_MANIFEST, Route.MANIFEST),
            new Edge(ON_MANIFEST, DEPARTED, Route.CHECK_IN),
            new Edge(ON_MANIFEST, NO_SHOW, Route.CHECK_IN),
            new Edge(DEPARTED, IN_TRANSIT, Route.MANUAL),
            new Edge(DEPARTED, ARRIVED, Route.MANUAL),
            new Edge(IN_TRANSIT, ARRIVED, Route.MANUAL),
            // steps back: off a manifest, out of a booking, a no-show to be booked again
            new Edge(ON_MANIFEST, FIT_TO_TRAVEL, Route.MANIFEST),
            new Edge(BOOKED, DOCUMENTS_READY, Route.BOOKING),
            new Edge(FIT_TO_TRAVEL, DOCUMENTS_READY, Route.BOOKING),
            new Edge(NO_SHOW, DOCUMENTS_READY, Route.MANUAL),
            // cancellation, with a reason, at any point before departure
            new Edge(REQUESTED, CANCELLED, Route.MANUAL),
            new Edge(ELIGIBILITY_CHECKED, CANCELLED, Route.MANUAL),
            new Edge(DOCUMENTS_READY, CANCELLED, Route.MANUAL),
            new Edge(BOOKED, CANCELLED, Route.MANUAL),
            new Edge(FIT_TO_TRAVEL, CANCELLED, Route.MANUAL),
            new Edge(ON_MANIFEST, CANCELLED, Route.MANUAL),
            new Edge(NO_SHOW, CANCELLED, Route.MANUAL));

    private MovementWorkflow() {
    }

    public static List<Edge> edges() {
        return EDGES;
    }

    public static Optional<Edge> edge(MovementStatus from, MovementStatus to) {
        return EDGES.stream().filter(e -> e.from() == from && e.to() == to).findFirst();
    }

    /** The statuses the officer can move a movement to from {@code from} with the plain action. */
    public static Set<MovementStatus> manualTargets(MovementStatus from) {
        Set<MovementStatus> out = EnumSet.noneOf(MovementStatus.class);
        EDGES.stream().filter(e -> e.from() == from && e.route() == Route.MANUAL).forEach(e -> out.add(e.to()));
        return out;
    }

    /** Cancellations and no-shows must say why. */
    public static boolean needsReason(MovementStatus to) {
        return to == CANCELLED || to == NO_SHOW;
    }

    /** A transit names the airport. */
    public static boolean needsPlace(MovementStatus to) {
        return to == IN_TRANSIT;
    }
}
