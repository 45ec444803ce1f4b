package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user enable NAME}: lets a disabled account sign in and use its tokens again. */
@Component
class UserEnableCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserEnableCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "enable");
    }

    @Override
    public String usage() {
        return "user enable NAME";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        String name = UserCommands.onlyName(new CommandArguments(arguments, Set.of(), Set.of()));
        accounts.enable(name);
        out.println("アカウント '" + name + "' を有効にしました / enabled the account '" + name + "': it may sign in again");
        return 0;
    }
}
