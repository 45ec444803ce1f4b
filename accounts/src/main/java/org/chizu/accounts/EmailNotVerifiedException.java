package org.chizu.accounts;

import org.springframework.security.authentication.AccountStatusException;

/** A resident gave the right password but has not yet followed the link in the verification e-mail. */
public class EmailNotVerifiedException extends AccountStatusException {

    public EmailNotVerifiedException() {
        super("the e-mail address is not verified yet");
    }
}
