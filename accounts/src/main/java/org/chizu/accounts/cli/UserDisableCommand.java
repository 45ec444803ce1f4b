package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user disable NAME}: takes access away, on a running server too, from its next request. */
@Component
class UserDisableCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserDisableCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "disable");
    }

    @Override
    public String usage() {
        return "user disable NAME";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        String name = UserCommands.onlyName(new CommandArguments(arguments, Set.of(), Set.of()));
        accounts.disable(name);
        out.println("アカウント '" + name + "' を無効にしました。サインインもAPIトークンも使えず、開いているセッションは次の操作で終了します。");
        out.println("disabled the account '" + name + "': it can neither sign in nor use its API tokens, and its open sessions"
                + " end on their next request (revoke its tokens too: ./chizu user token revoke " + name + " --all)");
        return 0;
    }
}
