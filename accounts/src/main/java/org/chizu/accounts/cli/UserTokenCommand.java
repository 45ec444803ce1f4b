package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.NewToken;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user token NAME [--label L]}: issues another personal API token. */
@Component
class UserTokenCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserTokenCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "token");
    }

    @Override
    public String usage() {
        return "user token NAME [--label \"what the token is for\"]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        CommandArguments args = new CommandArguments(arguments, Set.of("label"), Set.of());
        NewToken token = accounts.issueToken(UserCommands.onlyName(args), args.option("label").orElse("cli"));
        out.println("API token / APIトークン for " + token.accountName() + " (" + token.label() + "):");
        out.println("  " + token.token());
        out.println(UserCommands.SHOWN_ONCE);
        return 0;
    }
}
