package org.chizu.catalog;

/**
 * A search parameter that cannot be used. An {@link IllegalArgumentException}, so the catalog's
 * HTTP answer is a 400 problem; the CKAN API reports it in CKAN's envelope, naming the parameter.
 */
public class InvalidSearchException extends IllegalArgumentException {

    private final String parameter;
    private final String reason;

    public InvalidSearchException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
