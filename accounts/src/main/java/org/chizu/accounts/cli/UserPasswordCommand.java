package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user password NAME}: sets a new generated password and ends the account's sessions. */
@Component
class UserPasswordCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserPasswordCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "password");
    }

    @Override
    public String usage() {
        return "user password NAME";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        String name = UserCommands.onlyName(new CommandArguments(arguments, Set.of(), Set.of()));
        String password = accounts.resetPassword(name);
        out.println("新しいパスワードを設定しました。開いているセッションは次の操作で終了します。APIトークンはそのままです。");
        out.println("set a new password for '" + name + "': its open sessions end on their next request; its API tokens"
                + " keep working (./chizu user token list " + name + ")");
        out.println("password / パスワード:    " + password);
        out.println(UserCommands.SHOWN_ONCE);
        return 0;
    }
}
