package org.itinera.core.task;

import java.util.concurrent.CancellationException;

/** Handed to a running task: report how far it is, and ask whether the user cancelled it. */
public interface ProgressSink {
    void report(long done, long total);

    boolean isCancelled();

    /** Stops the task at a safe point when the user cancelled it. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled by the user");
        }
    }

    ProgressSink NONE = new ProgressSink() {
        @Override
        public void report(long done, long total) {
            // nobody is listening
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
