package org.itinera.core.assistance;

/** A scanned or photographed receipt for a delivery, kept as an attachment. */
public record Receipt(String fileName, String mimeType, byte[] content) {
    public Receipt {
        content = content == null ? null : content.clone();
    }

    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }
}
