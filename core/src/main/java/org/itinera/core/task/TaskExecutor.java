package org.itinera.core.task;

/** The one way to run long work. See {@link ThreadPoolTaskExecutor} and {@link CurrentThreadTaskExecutor}. */
public interface TaskExecutor extends AutoCloseable {
    <T> TaskHandle execute(BackgroundTask<T> task);

    @Override
    void close();
}
