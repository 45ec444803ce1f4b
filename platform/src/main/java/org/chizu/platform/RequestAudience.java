package org.chizu.platform;

/** Whom the current request is answered for; the accounts module knows, everyone else asks it. */
public interface RequestAudience {

    Audience get();
}
