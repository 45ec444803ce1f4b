package org.chizu.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of accounts ({@code chizu.accounts.*}); the defaults run out of the box.
 *
 * @param mailFrom the sender of verification and password-reset e-mails
 * @param links    how long the links in those e-mails stay valid
 * @param signIn   lockout after wrong passwords and the per-address limit on sign-in attempts
 * @param oidc     optional OpenID Connect sign-in for staff; off while its issuer is unset
 */
@ConfigurationProperties("chizu.accounts")
public record AccountsProperties(String mailFrom, Links links, SignIn signIn, Oidc oidc) {

    public AccountsProperties {
        mailFrom = mailFrom == null ? "chizu@localhost" : mailFrom;
        links = links == null ? new Links(null, null) : links;
        signIn = signIn == null ? new SignIn(null, null, null, null, null) : signIn;
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
    }

    public static AccountsProperties defaults() {
        return new AccountsProperties(null, null, null, null);
    }

    /**
     * @param verifyEmail   how long an e-mail verification link works (a day)
     * @param resetPassword how long a password-reset link works (an hour)
     */
    public record Links(Duration verifyEmail, Duration resetPassword) {

        public Links {
            verifyEmail = verifyEmail == null ? Duration.ofDays(1) : verifyEmail;
            resetPassword = resetPassword == null ? Duration.ofHours(1) : resetPassword;
        }
    }

    /**
     * @param maxFailures      wrong passwords for one account within {@code failureWindow} that lock it (30)
     * @param failureWindow    how far back wrong passwords count (15 minutes)
     * @param lockFor          how long a locked account refuses sign-in (15 minutes)
     * @param perAddressBurst  sign-in attempts one client address may make at once (60)
     * @param perAddressPerMinute how many more it may make each minute after that (6)
     */
    public record SignIn(Integer maxFailures, Duration failureWindow, Duration lockFor, Integer perAddressBurst,
            Integer perAddressPerMinute) {

        public SignIn {
            maxFailures = maxFailures == null ? 30 : maxFailures;
            failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
            lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
            perAddressBurst = perAddressBurst == null ? 60 : perAddressBurst;
            perAddressPerMinute = perAddressPerMinute == null ? 6 : perAddressPerMinute;
            if (maxFailures < 1 || perAddressBurst < 1 || perAddressPerMinute < 1) {
                throw new IllegalArgumentException("chizu.accounts.sign-in needs a positive max-failures, "
                        + "per-address-burst and per-address-per-minute");
            }
        }
    }

    /**
     * The town's identity provider, when it has one. Staff then may also sign in there; the account is
     * the enabled staff account whose name equals the ID token's {@code claim}.
     *
     * @param issuerUri    the IdP's issuer (its {@code /.well-known/openid-configuration} is read at start-up)
     * @param clientId     Chizu's client id at the IdP
     * @param clientSecret Chizu's client secret at the IdP
     * @param claim        the claim holding the staff account's name (preferred_username; email also works
     *                     when accounts are named by address)
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String claim) {

        public Oidc {
            claim = claim == null ? "preferred_username" : claim;
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
