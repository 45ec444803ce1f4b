package org.chizu.accounts;

import java.util.Locale;

/**
 * Who an account belongs to. One table holds them all ({@code account.kind}); what an account may
 * do beyond its kind is data, its {@linkplain Identity#rights() rights}.
 */
public enum AccountKind {
    /** Municipal staff, signing in with a name; their {@link Role} says staff or admin. */
    STAFF,
    /** A resident (or a group, 団体登録) who registered with a verified e-mail address. */
    RESIDENT,
    /** A device or API client: API tokens only, never a page, and only within its scopes. */
    CLIENT;

    /** The Spring Security authority every account of this kind has ("ROLE_RESIDENT"). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name used in the database and in JSON ("resident"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
