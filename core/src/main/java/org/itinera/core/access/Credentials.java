package org.itinera.core.access;

/**
 * Where passphrases unlock the database key (the keyring). The user service adds and changes
 * entries through this, without ever holding the database key itself.
 */
public interface Credentials {
    void add(String username, char[] passphrase);

    void change(String username, char[] passphrase);

    void remove(String username);
}
