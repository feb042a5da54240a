package org.itinera.core.task;

import java.util.function.Consumer;

/**
 * A task with its callbacks. The executor runs {@link Task#run} off the UI thread and calls the
 * callbacks on the UI thread (or, in tests, on the calling thread).
 */
public final class BackgroundTask<T> {
    private final String name;
    private final Task<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Consumer<Progress> onProgress = p -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(String name, Task<T> work) {
        this.name = name;
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(String name, Task<T> work) {
        return new BackgroundTask<>(name, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> c) {
        this.onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Progress> c) {
        this.onProgress = c;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        this.onCancelled = r;
        return this;
    }

    public String name() {
        return name;
    }

    Task<T> work() {
        return work;
    }

    Consumer<T> successCallback() {
        return onSuccess;
    }

    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    Consumer<Progress> progressCallback() {
        return onProgress;
    }

    Runnable cancelledCallback() {
        return onCancelled;
    }
}
