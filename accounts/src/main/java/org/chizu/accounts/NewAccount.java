package org.chizu.accounts;

/**
 * A just-created account with its secrets in clear text. They exist only in this object: the
 * database keeps hashes, so whoever created the account must hand them over now.
 *
 * @param password the generated sign-in password
 * @param token    the first personal API token
 */
public record NewAccount(StaffAccount account, String password, NewToken token) {

    /** The credentials as lines to show or store, one "label: value" a line. */
    public String credentials() {
        return """
                user name / ユーザー名:   %s
                role / 役割:             %s
                password / パスワード:    %s
                API token / APIトークン:  %s
                """.formatted(account.name(), account.role().id(), password, token.token());
    }
}
