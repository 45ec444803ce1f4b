package org.chizu.accounts.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.chizu.gis.cli.CommandArguments;

/** What the {@code ./chizu user …} commands share. */
final class UserCommands {

    static final String SHOWN_ONCE = """
            これは一度だけ表示されます。今すぐ安全な場所に保管してください。
            This is shown only once and cannot be recovered: store it safely now.""";

    /** Times in lists, to the minute in the machine's zone. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private UserCommands() {
    }

    /**
     * @throws IllegalArgumentException unless exactly one positional argument, the account name, was given
     */
    static String onlyName(CommandArguments args) {
        List<String> positional = args.positional();
        if (positional.size() != 1) {
            throw new IllegalArgumentException("give exactly one account name");
        }
        return positional.get(0);
    }
}
