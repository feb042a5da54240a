/**
 * The cryptographic building blocks of sync packages and trust bundles, each a thin layer over a
 * kept implementation: Ed25519 keys and minisign signatures (BouncyCastle), age X25519 identities
 * and recipients (jagged), and the short fingerprints people compare on two screens.
 */
package org.itinera.sync.crypto;
