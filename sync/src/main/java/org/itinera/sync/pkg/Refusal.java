package org.itinera.sync.pkg;

import java.io.IOException;

/**
 * Inside the reader only: hostile or broken input found while checking; turned into a
 * {@link ReadOutcome.Rejected} at the reader's edge, never thrown to callers. An IOException so it
 * can pass through stream reads.
 */
final class Refusal extends IOException {
    private final RejectReason reason;

    Refusal(RejectReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcome of hostile input: no stack trace needed
    }

    RejectReason reason() {
        return reason;
    }
}
