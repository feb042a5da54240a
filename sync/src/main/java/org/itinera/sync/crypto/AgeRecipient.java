package org.itinera.sync.crypto;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.security.GeneralSecurityException;
import java.util.Optional;

/** An age X25519 recipient ("age1…", Bech32): whom a package is encrypted to. */
public record AgeRecipient(String value) {
    public AgeRecipient {
        if (parse(value).isEmpty()) {
            throw new IllegalArgumentException("not an age X25519 recipient");
        }
    }

    /** Empty unless {@code text} is a well-formed age X25519 recipient. */
    public static Optional<String> parse(String text) {
        if (text == null || !text.startsWith("age1") || text.length() != 62) {
            return Optional.empty();
        }
        try {
            X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(text);
            return Optional.of(text);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<AgeRecipient> tryOf(String text) {
        return parse(text).map(AgeRecipient::new);
    }

    RecipientStanzaWriter stanzaWriter() throws GeneralSecurityException {
        return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
