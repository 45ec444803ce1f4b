package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.StaffAccount;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user list}: the staff accounts, without secrets. */
@Component
class UserListCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserListCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "list");
    }

    @Override
    public String usage() {
        return "user list";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (!new CommandArguments(arguments, Set.of(), Set.of()).positional().isEmpty()) {
            throw new IllegalArgumentException("user list takes no arguments");
        }
        List<StaffAccount> all = accounts.list();
        if (all.isEmpty()) {
            out.println("no accounts yet / アカウントはまだありません: ./chizu user add NAME --role staff");
            return 0;
        }
        out.printf("%-24s %-6s %-16s %-9s %s%n", "name", "role", "created", "state", "display name");
        for (StaffAccount account : all) {
            out.printf("%-24s %-6s %-16s %-9s %s%n", account.name(), account.role().id(),
                    UserCommands.TIME.format(account.createdAt()), account.disabled() ? "disabled" : "active", account.displayName());
        }
        return 0;
    }
}
