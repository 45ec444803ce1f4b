package org.chizu.platform.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: positional values and {@code --name value} options, plus flags that take
 * no value. Unknown options are an error, so a typo is not silently ignored.
 */
public final class CommandArguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /**
     * @param arguments   the raw arguments
     * @param valueNames  options that take a value ("layer" for --layer roads)
     * @param flagNames   options that take none ("replace" for --replace)
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public CommandArguments(List<String> arguments, Set<String> valueNames, Set<String> flagNames) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                positional.add(argument);
                continue;
            }
            String name = argument.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flagNames.contains(name)) {
                options.put(name, "true");
            } else if (valueNames.contains(name)) {
                if (value == null) {
                    if (i + 1 >= arguments.size()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                options.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }
}
