package org.chizu.accounts;

import java.time.Instant;

/**
 * A resident as plain lists show them: no e-mail address, representative or address, which
 * {@link Residents#personalData} gives only with a stated purpose.
 *
 * @param groupName the group's name for a group registration (団体登録), null for an individual
 */
public record Resident(long id, String displayName, String groupName, boolean verified, boolean disabled,
        Instant registeredAt) {
}
