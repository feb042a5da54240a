package org.itinera.schema;

/**
 * The newest migration this build ships. Start-up compares it with the database to skip Flyway
 * entirely when nothing is pending, and to refuse a database written by a newer version.
 * A test in core fails when this disagrees with the migration files.
 */
public final class SchemaVersion {
    public static final int LATEST = 2;

    private SchemaVersion() {
    }
}
