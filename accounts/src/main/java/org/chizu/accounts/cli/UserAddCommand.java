package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.NewAccount;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu user add NAME --role staff|admin [--display-name "田中 健"]}: creates a staff account. */
@Component
class UserAddCommand implements ChizuCommand {

    private final StaffAccounts accounts;

    UserAddCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> words() {
        return List.of("user", "add");
    }

    @Override
    public String usage() {
        return "user add NAME --role staff|admin [--display-name \"田中 健\"]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        CommandArguments args = new CommandArguments(arguments, Set.of("role", "display-name"), Set.of());
        String name = UserCommands.newAccountName(args);
        NewAccount created = accounts.create(name, args.option("display-name").orElse(name), Role.fromId(args.required("role")));
        out.println("created the account '" + name + "' / アカウントを作成しました");
        out.print(created.credentials());
        out.println(UserCommands.SHOWN_ONCE);
        return 0;
    }
}
