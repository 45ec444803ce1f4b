package org.chizu.accounts;

import java.time.Instant;

/**
 * A staff account as others may see it: never its password or tokens.
 *
 * @param id          the account's row
 * @param name        the unique sign-in name, lower case ({@code tanaka.k})
 * @param displayName how the account is shown to people (「田中 健」); the name when none was given
 * @param disabled    a disabled account can neither sign in nor use its tokens
 */
public record StaffAccount(long id, String name, String displayName, Role role, Instant createdAt, boolean disabled) {
}
