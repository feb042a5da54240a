package org.itinera.desktop.shell;

/** The feature areas reachable from the main window's navigation. */
public enum Area {
    REGISTRY, MOVEMENT, MEDICAL, ASSISTANCE, SYNC, REPORTS, ADMIN
}
