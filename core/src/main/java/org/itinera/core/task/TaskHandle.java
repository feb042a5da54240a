package org.itinera.core.task;

/** A submitted task: ask it to stop, or see whether it has finished. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
