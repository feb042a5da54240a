package org.itinera.sync.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer layer of a package: an age v1 file (X25519 recipients, ChaCha20-Poly1305 payload in
 * 64 KiB chunks), so any package opens with the standard {@code age} tool and the right identity.
 */
public final class AgeLayer {
    private AgeLayer() {
    }

    /** Wraps {@code out}: what is written to the returned channel reaches {@code out} encrypted. Close it to finish. */
    public static WritableByteChannel encrypting(WritableByteChannel out, List<AgeRecipient> recipients)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one recipient");
        }
        try {
            List<RecipientStanzaWriter> writers = new ArrayList<>();
            for (AgeRecipient r : recipients) {
                writers.add(r.stanzaWriter());
            }
            return new StandardEncryptingChannelFactory().newEncryptingChannel(out, writers);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("age encryption unavailable", e);
        }
    }

    /**
     * Wraps {@code in} for decryption with any of {@code identities}. Throws
     * {@link GeneralSecurityException} when no identity matches or the header is damaged; reading
     * the returned channel throws {@link IOException} when the payload was changed or cut short.
     */
    public static ReadableByteChannel decrypting(ReadableByteChannel in, List<AgeIdentity> identities)
            throws GeneralSecurityException, IOException {
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (AgeIdentity id : identities) {
            readers.add(id.stanzaReader());
        }
        return new StandardDecryptingChannelFactory().newDecryptingChannel(in, readers);
    }
}
