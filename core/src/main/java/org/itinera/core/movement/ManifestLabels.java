package org.itinera.core.movement;

/**
 * The words printed on a manifest, by resource-bundle key (manifest.pdf.*), in the language chosen
 * for the print. Core never holds the sentences; the screen or command line passes its bundles.
 */
@FunctionalInterface
public interface ManifestLabels {
    String get(String key, Object... args);
}
