/**
 * Sync packages between laptops and the hub: age-encrypted, minisign-signed ZIP files, change
 * capture export, merge on import, trust bundles. Built on core's write path; see
 * docs/sync-format.md and the sync issue.
 */
package org.itinera.sync;
