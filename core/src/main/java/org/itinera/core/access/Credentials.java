package org.itinera.core.access;

/**
 * Where passphrases unlock the database key (the keyring). The user service adds and changes
 * entries through this, without ever holding the database key itself.
 */
public interface Credentials {
    void add(String username, char[] passphrase);

    void change(String username, char[] passphrase);

    void remove(String username);

    /**
     * Checks a passphrase against the user's entry; a wrong one counts towards the lock-out like a
     * failed sign-in and throws {@link org.itinera.core.keys.SignInException}.
     */
    void verify(String username, char[] passphrase);

    /** The account's roles are now these (after it was created, or its roles were set): medical keys follow them. */
    default void grantsChanged(String username, java.util.Set<RoleGrant> grants) {
    }
}
