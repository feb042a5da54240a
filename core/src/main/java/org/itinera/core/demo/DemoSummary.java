package org.itinera.core.demo;

import java.time.Duration;

/** What the demo generator wrote. */
public record DemoSummary(int persons, int households, int cases, int movements, int plannedDuplicates,
                          long rowsWritten, Duration took) {
}
