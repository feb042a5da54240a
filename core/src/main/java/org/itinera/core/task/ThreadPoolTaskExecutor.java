package org.itinera.core.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a small pool of daemon threads and hands results, failures and (throttled)
 * progress to {@code uiThread}, e.g. {@code Platform::runLater}.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ExecutorService pool;
    private final java.util.concurrent.Executor uiThread;

    public ThreadPoolTaskExecutor(int threads, java.util.concurrent.Executor uiThread) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("itinera-task-", 1).daemon().factory());
        this.uiThread = uiThread;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicLong lastReport = new AtomicLong();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void report(long done, long total) {
                long now = System.nanoTime();
                long last = lastReport.get();
                if (done >= total || now - last >= PROGRESS_INTERVAL_NANOS) {
                    lastReport.set(now);
                    Progress p = new Progress(done, total);
                    uiThread.execute(() -> task.progressCallback().accept(p));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        if (pool.isShutdown()) {
            LOG.debug("task '{}' not started: the application is closing", task.name());
            return new TaskHandle() {
                @Override
                public void cancel() {
                    // never started
                }

                @Override
                public boolean isDone() {
                    return true;
                }
            };
        }
        Future<?> future = pool.submit(() -> {
            try {
                T result = task.work().run(sink);
                uiThread.execute(() -> task.successCallback().accept(result));
            } catch (CancellationException e) {
                uiThread.execute(task.cancelledCallback());
            } catch (Exception e) {
                LOG.warn("task '{}' failed: {}", task.name(), e.toString());
                uiThread.execute(() -> task.failureCallback().accept(e));
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
