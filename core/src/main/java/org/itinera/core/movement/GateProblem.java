package org.itinera.core.movement;

import java.util.List;
import org.itinera.core.i18n.UserMessage;

/** Why a passenger may not be on a manifest, with what the screen offers to fix it. */
public record GateProblem(Kind kind, List<String> args) {
    /** What the officer can do about a problem (every problem can also be solved by removing the passenger). */
    public enum Fix {
        /** Record a valid passport or laissez-passer. */
        RECORD_DOCUMENT,
        /** Record the traveller's consent to travel assistance. */
        RECORD_CONSENT,
        /** Add an escort to the booking. */
        ADD_ESCORT,
        /** Only a medical officer can decide: ask for a pre-departure check. */
        ASK_MEDICAL,
        /** Book the traveller on this departure first. */
        BOOK,
        /** Add the rest of the household, or confirm the split. */
        KEEP_TOGETHER,
        /** Nothing to record: take the passenger off (or cancel the movement). */
        REMOVE
    }

    public enum Kind {
        NO_TRAVEL_DOCUMENT(Fix.RECORD_DOCUMENT),
        DOCUMENT_EXPIRED(Fix.RECORD_DOCUMENT),
        NO_FITNESS_DECISION(Fix.ASK_MEDICAL),
        FITNESS_PENDING(Fix.ASK_MEDICAL),
        UNFIT(Fix.REMOVE),
        ESCORT_MISSING(Fix.ADD_ESCORT),
        NO_TRAVEL_CONSENT(Fix.RECORD_CONSENT),
        CONSENT_EXPIRED(Fix.RECORD_CONSENT),
        CONSENT_WITHDRAWN(Fix.REMOVE),
        UNACCOMPANIED_MINOR(Fix.ADD_ESCORT),
        NOT_BOOKED(Fix.BOOK),
        HOUSEHOLD_SPLIT(Fix.KEEP_TOGETHER),
        WRONG_STATUS(Fix.REMOVE);

        private final Fix fix;

        Kind(Fix fix) {
            this.fix = fix;
        }

        public Fix fix() {
            return fix;
        }
    }

    public GateProblem {
        args = List.copyOf(args);
    }

    public static GateProblem of(Kind kind, String... args) {
        return new GateProblem(kind, List.of(args));
    }

    public UserMessage message() {
        return new UserMessage("gate." + kind.name(), List.copyOf(args));
    }
}
