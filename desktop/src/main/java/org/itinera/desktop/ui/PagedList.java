package org.itinera.desktop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import javafx.collections.ObservableListBase;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;

/**
 * A list of any size (a million persons) whose items are loaded a page at a time, in the
 * background, when a virtualised control asks for them. Until its page arrives an item is the
 * placeholder; then the control is told those rows changed. Only a bounded number of pages is kept.
 */
public final class PagedList<T> extends ObservableListBase<T> {
    /**
     * Loads {@code limit} items starting at {@code offset}; runs off the UI thread. {@code previous}
     * is the item just before the page when it is loaded (null otherwise), so a loader can seek from
     * it instead of counting an offset from the start.
     */
    @FunctionalInterface
    public interface PageLoader<T> {
        List<T> load(int offset, int limit, T previous) throws Exception;
    }

    public static final int PAGE = 200;
    private static final int KEEP_PAGES = 40;

    private final PageLoader<T> loader;
    private final TaskExecutor executor;
    private final T placeholder;
    private final Map<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> loading = new HashSet<>();
    private int size;
    private int generation;

    public PagedList(PageLoader<T> loader, TaskExecutor executor, T placeholder) {
        this.loader = loader;
        this.executor = executor;
        this.placeholder = placeholder;
    }

    /** Starts over with a new total (after a count query), dropping every loaded page. */
    public void reset(int newSize) {
        generation++;
        pages.clear();
        loading.clear();
        int old = size;
        size = newSize;
        beginChange();
        if (old > 0) {
            nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(old, placeholder)));
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        List<T> items = pages.get(page);
        if (items == null) {
            request(page);
            return placeholder;
        }
        int i = index % PAGE;
        return i < items.size() ? items.get(i) : placeholder;
    }

    public boolean isLoaded(int index) {
        return pages.containsKey(index / PAGE);
    }

    @Override
    public int size() {
        return size;
    }

    private void request(int page) {
        if (!loading.add(page)) {
            return;
        }
        int gen = generation;
        List<T> before = page > 0 ? pages.get(page - 1) : null;
        T previous = before != null && before.size() == PAGE ? before.get(PAGE - 1) : null;
        executor.execute(BackgroundTask.of("load page", p -> loader.load(page * PAGE, PAGE, previous))
                .onSuccess(items -> arrived(gen, page, items))
                .onFailure(e -> loading.remove(page)));
    }

    private void arrived(int gen, int page, List<T> items) {
        if (gen != generation) {
            return; // a reset happened while this page was loading
        }
        loading.remove(page);
        pages.put(page, items);
        while (pages.size() > KEEP_PAGES) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
        int from = page * PAGE;
        int to = Math.min(size, from + items.size());
        if (from < to) {
            // a replacement (not an update event) so every virtualised control re-renders those rows
            beginChange();
            nextReplace(from, to, new java.util.ArrayList<>(java.util.Collections.nCopies(to - from, placeholder)));
            endChange();
        }
    }
}
