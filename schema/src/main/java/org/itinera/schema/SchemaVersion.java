package org.itinera.schema;

/**
 * The newest migration this build ships. Start-up compares it with the database to skip Flyway
 * entirely when nothing is pending, and to refuse a database written by a newer version.
 * A test in core fails when this disagrees with the migration files.
 */
public final class SchemaVersion {
    public static final int LATEST = 8;

    /**
     * Every migration this build ships. Features land separately, so numbers can arrive out of order
     * (V3 after V7 on a developer's database): start-up applies whichever of these is missing.
     */
    public static final java.util.List<Integer> ALL = java.util.List.of(1, 2, 3, 4, 5, 7, 8);

    private SchemaVersion() {
    }
}
