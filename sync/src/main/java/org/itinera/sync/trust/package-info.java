/**
 * Who may sign packages: this device's keys ({@link org.itinera.sync.trust.DeviceKeyService}), the
 * organisation's offline root key and the trust bundles it signs ({@link org.itinera.sync.trust.RootKeyFile},
 * {@link org.itinera.sync.trust.BundleDraft}), what this node currently trusts
 * ({@link org.itinera.sync.trust.TrustService}, {@link org.itinera.sync.trust.TrustSnapshot}), and
 * key rotation.
 */
package org.itinera.sync.trust;
