package org.itinera.core.movement;

import java.io.IOException;
import java.io.OutputStream;

/** Turns a manifest sheet into a printable document (a PDF: see {@code pdf.ManifestPdf}). */
@FunctionalInterface
public interface ManifestPrinter {
    void print(ManifestSheet sheet, OutputStream out) throws IOException;

    /** Loads what the first print needs (fonts, classes) so it is not paid for when the officer clicks Print. */
    default void prepare() {
        // nothing to load
    }
}
