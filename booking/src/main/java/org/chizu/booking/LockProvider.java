package org.chizu.booking;

import java.time.Instant;

/** A smart-lock provider: grants a PIN on a lock for a window, and revokes it. */
public interface LockProvider {

    /**
     * Grants the PIN on the device from one time to another.
     *
     * @param label how the access shows in the provider's console (the booking, never the person)
     * @return the provider's id of the access, to revoke it
     */
    String grant(String device, String pin, Instant from, Instant until, String label);

    void revoke(String accessId);
}
