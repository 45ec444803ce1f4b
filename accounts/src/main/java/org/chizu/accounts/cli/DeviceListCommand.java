package org.chizu.accounts.cli;

import java.io.PrintStream;
import java.util.List;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.cli.ChizuCommand;
import org.springframework.stereotype.Component;

/** {@code ./chizu device list}: devices and API clients with their scopes, never their tokens. */
@Component
class DeviceListCommand implements ChizuCommand {

    private final ApiClients clients;

    DeviceListCommand(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> words() {
        return List.of("device", "list");
    }

    @Override
    public String usage() {
        return "device list   devices and API clients with their scopes";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("device list takes no arguments");
        }
        clients.list().forEach(out::println);
        return 0;
    }
}
