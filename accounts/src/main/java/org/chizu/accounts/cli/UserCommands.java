package org.chizu.accounts.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.chizu.platform.cli.CommandArguments;

/** What the {@code ./chizu user …} commands share. */
final class UserCommands {

    static final String SHOWN_ONCE = """
            これは一度だけ表示されます。今すぐ安全な場所に保管してください。
            This is shown only once and cannot be recovered: store it safely now.""";

    /** Times in lists, to the minute in the machine's zone. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /**
     * The words that follow {@code user} in the commands. An account named like one would make a
     * command ambiguous ({@code user token list} lists tokens, so an account "list" could never get one
     * by {@code user token list}), so {@link #newAccountName} refuses them.
     */
    static final Set<String> SUBCOMMAND_WORDS = Set.of("add", "list", "token", "disable", "enable", "password", "revoke");

    private UserCommands() {
    }

    /**
     * The one positional argument, as the name of an account to create.
     *
     * @throws IllegalArgumentException when it is missing or one of the {@link #SUBCOMMAND_WORDS}
     */
    static String newAccountName(CommandArguments args) {
        String name = onlyName(args);
        if (SUBCOMMAND_WORDS.contains(name)) {
            throw new IllegalArgumentException("「" + name + "」は ./chizu user のコマンド名なので、アカウント名には使えません / '"
                    + name + "' is a word of the ./chizu user commands and cannot be an account name");
        }
        return name;
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
