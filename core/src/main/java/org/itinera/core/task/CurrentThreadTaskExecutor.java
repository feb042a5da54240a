package org.itinera.core.task;

import java.util.concurrent.CancellationException;

/** Runs tasks at once on the calling thread: for tests and the command line. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        ProgressSink sink = new ProgressSink() {
            @Override
            public void report(long done, long total) {
                task.progressCallback().accept(new Progress(done, total));
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        try {
            task.successCallback().accept(task.work().run(sink));
        } catch (CancellationException e) {
            task.cancelledCallback().run();
        } catch (Exception e) {
            task.failureCallback().accept(e);
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
