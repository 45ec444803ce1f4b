package org.chizu.accounts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An account as a request sees it once authenticated, by session or token: never a secret.
 *
 * @param id          the account's row
 * @param name        a staff or client name; a resident's e-mail address
 * @param displayName how the account is shown to people
 * @param role        staff or admin for staff; null for other kinds
 * @param rights      scoped rights, as data: a client's scopes ({@code open311:post}) and a resident's
 *                    roles in approved organisations ({@code org:12:admin}, {@code org:12:member})
 */
public record Identity(long id, AccountKind kind, String name, String displayName, Role role, Set<String> rights)
        implements Serializable {

    public Identity {
        rights = Set.copyOf(rights);
    }

    /** The kind's and the role's authorities ({@code ROLE_STAFF}, {@code ROLE_RESIDENT}) and each right as it is. */
    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role == null ? kind.authority() : role.authority()));
        rights.stream().sorted().map(SimpleGrantedAuthority::new).forEach(authorities::add);
        return authorities;
    }

    public boolean isStaff() {
        return kind == AccountKind.STAFF;
    }

    /** Who is behind a request's authentication, however they signed in; empty for the anonymous public. */
    public static Optional<Identity> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case Identity identity -> Optional.of(identity);
            case SignedInAccount signedIn -> Optional.of(signedIn.identity());
            case null, default -> Optional.empty();
        };
    }
}
