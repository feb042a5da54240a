package org.itinera.sync.pkg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}: what a package claims, signed by the sender's device key. Field names are
 * snake_case in JSON; docs/sync-format.md gives every field's JSON type.
 *
 * @param format          always {@value #FORMAT}
 * @param packageId       UUIDv7 of this package
 * @param from            the sending node and the device key that signed
 * @param to              the destination node's id
 * @param pkgSeq          1, 2, 3 … per (from, to)
 * @param prevPkgSha256   SHA-256 (hex) of the previous package's manifest.json in this (from, to)
 *                        sequence, or 64 zeros for the first
 * @param schemaVersion   the sender's database schema version
 * @param createdAt       the sender's hybrid logical clock when the package was written
 * @param ack             per node id: every change up to this counter is applied at the sender
 * @param covers          per origin node id: the counter range of the changes inside
 * @param entries         every entry of the ZIP except manifest.json and its signature
 * @param counts          change lines per table; they add up to the number of lines
 * @param auditChainHead  the sender's newest audit hash (64 hex)
 */
public record Manifest(String format, String packageId, Sender from, String to, long pkgSeq, String prevPkgSha256,
                       int schemaVersion, long createdAt, Map<String, Long> ack, Map<String, CounterRange> covers,
                       List<EntryDigest> entries, Map<String, Long> counts, String auditChainHead) {
    public static final String FORMAT = "itinera-sync/1";
    public static final String NO_PREVIOUS = "0".repeat(64);
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final int MAX_MAP_SIZE = 10_000;

    public Manifest {
        ack = ack == null ? null : Map.copyOf(ack);
        covers = covers == null ? null : Map.copyOf(covers);
        entries = entries == null ? null : List.copyOf(entries);
        counts = counts == null ? null : Map.copyOf(counts);
    }

    /** The node and device key a package comes from; {@code incarnation} grows when a node is restored from backup. */
    public record Sender(String node, String deviceKeyFingerprint, long incarnation) {
    }

    /** Counters {@code from..to} (inclusive) of one origin node. */
    public record CounterRange(long from, long to) {
    }

    /** One ZIP entry: name, uncompressed size in bytes, SHA-256 (hex) of its content. */
    public record EntryDigest(String name, long size, String sha256) {
    }

    /** Total number of change lines the counts announce. */
    public long changeCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What is wrong with the claims of a parsed manifest (empty: well-formed). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (from == null || to == null || packageId == null || prevPkgSha256 == null || ack == null || covers == null
                || entries == null || counts == null || auditChainHead == null || from.node() == null
                || from.deviceKeyFingerprint() == null) {
            p.add("missing field");
            return p;
        }
        if (!isUuidV7(packageId)) {
            p.add("package_id");
        }
        if (!UUID.matcher(from.node()).matches() || !UUID.matcher(to).matches()) {
            p.add("node id");
        }
        if (from.incarnation() < 1 || pkgSeq < 1 || schemaVersion < 1 || createdAt < 0) {
            p.add("number out of range");
        }
        if (!SHA256.matcher(prevPkgSha256).matches() || !SHA256.matcher(auditChainHead).matches()) {
            p.add("hash");
        }
        if (ack.size() > MAX_MAP_SIZE || covers.size() > MAX_MAP_SIZE || counts.size() > MAX_MAP_SIZE) {
            p.add("too many nodes or tables");
        }
        ack.forEach((node, counter) -> {
            if (!UUID.matcher(node).matches() || counter == null || counter < 0) {
                p.add("ack");
            }
        });
        covers.forEach((node, range) -> {
            if (!UUID.matcher(node).matches() || range == null || range.from() < 1 || range.to() < range.from()) {
                p.add("covers");
            }
        });
        counts.forEach((table, n) -> {
            if (!TABLE.matcher(table).matches() || n == null || n < 0) {
                p.add("counts");
            }
        });
        Set<String> names = new HashSet<>();
        for (EntryDigest e : entries) {
            if (e == null || e.name() == null || e.sha256() == null || !EntryNames.isListable(e.name()) || e.size() < 0
                    || !SHA256.matcher(e.sha256()).matches() || !names.add(e.name())) {
                p.add("entries");
            }
        }
        if (!names.contains(EntryNames.CHANGES)) {
            p.add("entries: no changes.ndjson");
        }
        return p;
    }

    static boolean isUuidV7(String s) {
        return UUID.matcher(s).matches() && s.charAt(14) == '7' && "89ab".indexOf(s.charAt(19)) >= 0;
    }
}
