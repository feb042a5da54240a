package org.itinera.core.workspace;

/**
 * What the first person to open Itinera on a laptop enters: their administrator account and the
 * office this laptop works for.
 */
public record FirstRun(String adminUsername, String adminDisplayName, char[] passphrase, String officeCode,
                       String officeName, String officeCountry, String locale) {
}
