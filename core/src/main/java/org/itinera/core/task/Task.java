package org.itinera.core.task;

/** Long work (import, export, generation, reports, PDF) that reports progress and can be cancelled. */
@FunctionalInterface
public interface Task<T> {
    T run(ProgressSink progress) throws Exception;
}
