package org.itinera.core.movement;

import java.util.List;

/** The gate's verdict on one traveller for one departure: no problems means they may travel. */
public record PassengerCheck(String movementId, String personId, String householdId, String name, TravelFitness fitness,
                             List<GateProblem> problems) {
    public PassengerCheck {
        problems = List.copyOf(problems);
    }

    public boolean blocked() {
        return !problems.isEmpty();
    }
}
