package org.itinera.desktop;

/**
 * When a start-up probe closes the window again (hidden option {@code --exit-when}): the installer's
 * class-data-sharing training run, start-up measurements and the smoke test. {@code NEVER} for people.
 */
public enum StartupExit {
    /** The normal application: stays open. */
    NEVER,
    /** Closes as soon as the first window is shown (sign-in or first run). */
    SHOWN,
    /** Closes once someone has signed in and the main view is shown. */
    SIGNED_IN
}
