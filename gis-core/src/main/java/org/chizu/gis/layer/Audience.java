package org.chizu.gis.layer;

/** Whom a request is answered for: the anonymous public or signed-in staff (admins included). */
public enum Audience {
    PUBLIC,
    STAFF
}
