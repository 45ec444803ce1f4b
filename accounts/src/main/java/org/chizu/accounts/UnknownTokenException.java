package org.chizu.accounts;

/** A command named an API token that the account does not have (any more). */
public class UnknownTokenException extends RuntimeException {

    public UnknownTokenException(String accountName, long id) {
        super("the account '" + accountName + "' has no API token " + id + " (see ./chizu user token list " + accountName + ")");
    }
}
