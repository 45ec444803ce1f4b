package org.chizu.platform;

/** Whom a request is answered for: the anonymous public or signed-in staff (admins included). */
public enum Audience {
    PUBLIC,
    STAFF
}
