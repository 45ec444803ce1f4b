package org.chizu.accounts;

/**
 * A browser session's principal, however the person signed in (the form, or the town's identity
 * provider): the account and the session generation it signed in under. The session is honoured only
 * while {@link SignIns#isCurrent} holds, so disabling the account or giving it a new password (by
 * {@code ./chizu} in another process, or a password reset) ends it on its next request.
 */
public interface SignedInAccount {

    Identity identity();

    int sessionGeneration();
}
