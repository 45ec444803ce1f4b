package org.chizu.gis.layer;

import org.chizu.platform.Audience;
/** Who may see a layer. */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Signed-in staff only; to everyone else the layer does not exist. */
    STAFF;

    public boolean allows(Audience audience) {
        return this == PUBLIC || audience == Audience.STAFF;
    }
}
