package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user token revoke NAME ID|--all}: the revoked tokens are refused from the next request on. */
@Component
class UserTokenRevokeCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserTokenRevokeCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "token", "revoke");
    }

    @Override
    public String usage() {
        return "user token revoke NAME ID | user token revoke NAME --all   (ID from: user token list NAME)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        CommandArguments args = new CommandArguments(arguments, Set.of(), Set.of("all"));
        boolean all = args.flag("all");
        List<String> positional = args.positional();
        if (positional.size() != (all ? 1 : 2)) {
            throw new IllegalArgumentException("give an account name and either one token id or --all");
        }
        String name = positional.get(0);
        if (all) {
            int revoked = accounts.revokeAllTokens(name);
            out.println(revoked + " 件のAPIトークンを無効にしました / revoked " + revoked + " API token(s) of '" + name + "'");
            return 0;
        }
        long id = tokenId(positional.get(1));
        accounts.revokeToken(name, id);
        out.println("APIトークン " + id + " を無効にしました / revoked API token " + id + " of '" + name + "'");
        return 0;
    }

    private static long tokenId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + id + "' is not a token id: use the number that user token list shows");
        }
    }
}
