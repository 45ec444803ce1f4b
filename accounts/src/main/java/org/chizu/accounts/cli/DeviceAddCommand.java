package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.NewToken;
import org.chizu.platform.cli.CommandArguments;
import org.chizu.platform.cli.ChizuCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu device add NAME --scope sensors:observe[,…]}: a token for a device or API client that
 * can make only the requests its scopes allow, printed once. A second call for the same name issues
 * another token and adds the scopes.
 */
@Component
class DeviceAddCommand implements ChizuCommand {

    private final ApiClients clients;

    DeviceAddCommand(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> words() {
        return List.of("device", "add");
    }

    @Override
    public String usage() {
        return "device add NAME --scope SCOPE[,SCOPE…]   a token for a device or API client, e.g. --scope sensors:observe";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        CommandArguments args = new CommandArguments(arguments, Set.of("scope"), Set.of());
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("name the device, in quotes if it has spaces");
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.stream(args.required("scope").split(","))
                .map(String::strip).filter(scope -> !scope.isEmpty()).toList());
        NewToken token = clients.issue(args.positional().getFirst(), scopes);
        out.println("device / 機器: " + token.accountName() + "  scopes / 権限: " + String.join(" ", scopes));
        out.println("API token / APIトークン: " + token.token());
        out.println(UserCommands.SHOWN_ONCE);
        return 0;
    }
}
