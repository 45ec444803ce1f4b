package org.chizu.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents who register themselves: registration with an e-mail verification link, password reset
 * by e-mail, and staff's view of them, in which personal data needs a stated purpose that is logged
 * ({@code personal_data_access}).
 *
 * <p>Whether an address is registered is never told to whoever types it in: registering a taken
 * address and asking to reset the password of an unknown one answer as usual, and the e-mail (if
 * any) tells the address's owner what happened.
 */
@Service
public class Residents {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 200;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final MailTokens tokens;
    private final AccountMail mail;
    private final AccountsProperties.Links links;

    Residents(JdbcTemplate jdbc, PasswordEncoder passwords, PasswordPolicy policy, MailTokens tokens, AccountMail mail,
            AccountsProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.tokens = tokens;
        this.mail = mail;
        this.links = properties.links();
    }

    /**
     * Registers a resident, unverified, and e-mails the verification link ({@code siteUrl}/register/verify?token=…).
     * An address that is already registered gets an e-mail saying so instead, and nothing changes.
     *
     * @throws AccountProblem when a field is missing or too long, or the password too weak (400), or
     *                        the e-mail cannot be sent (503, and nothing is registered)
     */
    @Transactional
    public void register(Registration registration, String siteUrl) {
        String email = email(registration.email());
        String displayName = required(registration.displayName(), "表示名", "display name");
        policy.check(registration.password(), email);
        String groupName = optional(registration.groupName());
        String representative = groupName == null ? null : required(registration.representative(), "代表者名", "representative");
        Optional<Long> existing = jdbc.queryForList("select id from account where lower(email) = lower(?)", Long.class, email)
                .stream().findFirst();
        if (existing.isPresent()) {
            mail.send(existing.get(), email, "Chizu: このメールアドレスは登録済みです / This address is already registered", """
                    このメールアドレスで Chizu に登録しようとした人がいます。このアドレスはすでに登録されています。
                    パスワードを忘れた場合は、次のページで再設定できます。心当たりがなければ、このメールは無視してください。

                    Someone tried to register on Chizu with this address, which is already registered.
                    If you forgot your password, reset it here. If this was not you, ignore this e-mail.

                    %s/password-reset
                    """.formatted(siteUrl));
            return;
        }
        long id = jdbc.queryForObject("""
                insert into account (kind, display_name, password_hash, email, group_name, representative, address)
                values ('resident', ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                displayName, passwords.encode(registration.password()), email, groupName, representative,
                optional(registration.address()));
        String token = tokens.issue(id, MailTokens.Purpose.VERIFY_EMAIL, links.verifyEmail());
        mail.send(id, email, "Chizu: メールアドレスの確認 / Please verify your e-mail address", """
                %s 様

                Chizu への登録ありがとうございます。次のリンクを開いて、メールアドレスを確認してください。
                リンクは一度だけ、%s 時間有効です。心当たりがなければ、このメールは無視してください。

                Thank you for registering with Chizu. Open this link to verify your e-mail address.
                It works once, for %s hours. If you did not register, ignore this e-mail.

                %s/register/verify?token=%s
                """.formatted(displayName, links.verifyEmail().toHours(), links.verifyEmail().toHours(), siteUrl, token));
    }

    /** Marks the address of the link's account verified; false when the link is unknown, used or expired. */
    @Transactional
    public boolean verify(String token) {
        return tokens.use(token, MailTokens.Purpose.VERIFY_EMAIL).map(id -> jdbc.update(
                "update account set email_verified_at = coalesce(email_verified_at, now()) where id = ?", id) > 0)
                .orElse(false);
    }

    /**
     * E-mails a password-reset link to the resident with this address, if there is one; nothing
     * tells the caller whether there was.
     *
     * @throws AccountProblem when the address is malformed (400) or the e-mail cannot be sent (503)
     */
    @Transactional
    public void requestPasswordReset(String address, String siteUrl) {
        String email = email(address);
        jdbc.queryForList("select id from account where kind = 'resident' and lower(email) = lower(?) and not disabled",
                Long.class, email).stream().findFirst().ifPresent(id -> {
                    String token = tokens.issue(id, MailTokens.Purpose.RESET_PASSWORD, links.resetPassword());
                    mail.send(id, email, "Chizu: パスワードの再設定 / Reset your password", """
                            次のリンクを開いて、新しいパスワードを設定してください。リンクは一度だけ、%s 分間有効です。
                            心当たりがなければ、このメールは無視してください。パスワードは変わりません。

                            Open this link to choose a new password. It works once, for %s minutes.
                            If you did not ask for this, ignore this e-mail; your password stays as it is.

                            %s/password-reset/new?token=%s
                            """.formatted(links.resetPassword().toMinutes(), links.resetPassword().toMinutes(), siteUrl, token));
                });
    }

    /** Whether a password-reset link still works, so its page can say so before the resident types. */
    public boolean resetLinkWorks(String token) {
        return tokens.isValid(token, MailTokens.Purpose.RESET_PASSWORD);
    }

    /**
     * Sets the new password of the link's account and ends all its sessions. Following the link also
     * proves the address, so an unverified one becomes verified.
     *
     * @return false when the link is unknown, used or expired
     * @throws AccountProblem when the password is too weak (400); the link then stays usable
     */
    @Transactional
    public boolean resetPassword(String token, String newPassword) {
        policy.check(newPassword, null);
        return tokens.use(token, MailTokens.Purpose.RESET_PASSWORD).map(id -> jdbc.update("""
                update account set password_hash = ?, session_generation = session_generation + 1,
                    email_verified_at = coalesce(email_verified_at, now()),
                    failed_sign_ins = 0, failing_since = null, locked_until = null
                where id = ?""", passwords.encode(newPassword), id) > 0).orElse(false);
    }

    /** Every resident, newest first, without personal data. */
    public List<Resident> list() {
        return jdbc.query("""
                select id, display_name, group_name, email_verified_at is not null as verified, disabled, created_at
                from account where kind = 'resident' order by id desc""",
                (rs, i) -> new Resident(rs.getLong("id"), rs.getString("display_name"), rs.getString("group_name"),
                        rs.getBoolean("verified"), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant()));
    }

    /**
     * A resident's personal data for a member of staff who says why they need it; who, whom, why and
     * when is written to {@code personal_data_access} in the same transaction.
     *
     * @throws AccountProblem when the purpose is missing or shorter than five characters (400), or there
     *                        is no such resident (404)
     */
    @Transactional
    public ResidentPersonalData personalData(long residentId, Identity staff, String purpose) {
        if (!staff.isStaff()) {
            throw new IllegalStateException("only staff may see residents' personal data");
        }
        if (purpose == null || purpose.strip().codePointCount(0, purpose.strip().length()) < 5) {
            throw new AccountProblem(400, "purpose-required", "A purpose is required", new Label(
                    "個人情報を見る理由（purpose）を5文字以上で書いてください。記録されます。",
                    "State why you need this resident's personal data (purpose, at least 5 characters); it is logged."));
        }
        ResidentPersonalData data = jdbc.query("""
                select id, display_name, email, group_name, representative, address from account
                where kind = 'resident' and id = ?""",
                (rs, i) -> new ResidentPersonalData(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("group_name"), rs.getString("representative"), rs.getString("address")),
                residentId).stream().findFirst()
                .orElseThrow(() -> AccountProblem.notFound("住民 " + residentId + " は見つかりません。",
                        "There is no resident " + residentId + "."));
        jdbc.update("insert into personal_data_access (staff_id, resident_id, purpose) values (?, ?, ?)",
                staff.id(), residentId, purpose.strip());
        return data;
    }

    /**
     * Where to e-mail a resident about their own business (a door PIN for their booking): their
     * verified address, or empty when it is unverified or the account is disabled or no resident's.
     */
    public Optional<String> mailAddress(long residentId) {
        return jdbc.queryForList("""
                select email from account
                where kind = 'resident' and id = ? and email_verified_at is not null and not disabled""",
                String.class, residentId).stream().findFirst();
    }

    /** The verified resident with this address, for adding them to an organisation. */
    Optional<Long> verifiedResident(String address) {
        return jdbc.queryForList("""
                select id from account
                where kind = 'resident' and lower(email) = lower(?) and email_verified_at is not null and not disabled""",
                Long.class, address == null ? "" : address.strip()).stream().findFirst();
    }

    private static String email(String value) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > MAX_TEXT) {
            throw AccountProblem.badInput("メールアドレスを正しく入力してください。", "Enter a valid e-mail address.");
        }
        return email;
    }

    static String required(String value, String ja, String en) {
        String text = optional(value);
        if (text == null) {
            throw AccountProblem.badInput(ja + "を入力してください。", "Enter the " + en + ".");
        }
        return text;
    }

    static String optional(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw AccountProblem.badInput(MAX_TEXT + "文字以内で入力してください。", "Use at most " + MAX_TEXT + " characters.");
        }
        return text;
    }
}
