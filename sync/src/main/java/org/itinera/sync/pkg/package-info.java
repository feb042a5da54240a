/**
 * The sync package file ({@code itinera-sync/1}): {@link org.itinera.sync.pkg.PackageWriter} streams
 * change lines and attachments into a signed ZIP inside an age file;
 * {@link org.itinera.sync.pkg.PackageReader} checks every byte of a received file before anything
 * may act on it and answers with a {@link org.itinera.sync.pkg.ReadOutcome}. The byte layout is in
 * docs/sync-format.md.
 */
package org.itinera.sync.pkg;
