package org.itinera.core.consent;

import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/** Whether a person's consent allows something today, and if not, a sentence saying why. */
public record ConsentDecision(boolean allowed, Optional<String> consentId, Optional<UserMessage> reason) {
    public static ConsentDecision allowedBy(String consentId) {
        return new ConsentDecision(true, Optional.of(consentId), Optional.empty());
    }

    public static ConsentDecision refused(UserMessage why) {
        return new ConsentDecision(false, Optional.empty(), Optional.of(why));
    }
}
