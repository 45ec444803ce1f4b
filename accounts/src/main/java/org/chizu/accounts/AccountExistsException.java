package org.chizu.accounts;

/** An account was to be created under a name that another account already has. */
public class AccountExistsException extends RuntimeException {

    public AccountExistsException(String name) {
        super("an account named '" + name + "' already exists");
    }
}
