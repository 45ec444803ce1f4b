package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.ApiToken;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user token list NAME}: the account's API tokens by id, label and use; never the tokens. */
@Component
class UserTokenListCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserTokenListCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "token", "list");
    }

    @Override
    public String usage() {
        return "user token list NAME";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        String name = UserCommands.onlyName(new CommandArguments(arguments, Set.of(), Set.of()));
        List<ApiToken> tokens = accounts.tokens(name);
        if (tokens.isEmpty()) {
            out.println("APIトークンはありません / '" + name + "' has no API tokens: ./chizu user token " + name);
            return 0;
        }
        out.printf("%-6s %-16s %-16s %s%n", "id", "created", "last used", "label");
        for (ApiToken token : tokens) {
            out.printf("%-6d %-16s %-16s %s%n", token.id(), UserCommands.TIME.format(token.createdAt()),
                    token.lastUsedAt() == null ? "never" : UserCommands.TIME.format(token.lastUsedAt()), token.label());
        }
        return 0;
    }
}
