package org.itinera.core.task;

/** How far a task is. {@code total} of 0 means unknown. */
public record Progress(long done, long total) {
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
