package org.chizu.accounts;

/** A command named an account that does not exist. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String name) {
        super("there is no account named '" + name + "'");
    }
}
