package org.itinera.core.store;

/** Identifies one change: the node that made it (local alias) and that node's counter. */
public record Dot(int node, long counter) implements Comparable<Dot> {
    @Override
    public int compareTo(Dot o) {
        int c = Integer.compare(node, o.node);
        return c != 0 ? c : Long.compare(counter, o.counter);
    }
}
