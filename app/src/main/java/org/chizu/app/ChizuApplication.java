package org.chizu.app;

import java.util.Arrays;
import java.util.List;

import org.chizu.app.backup.RestoreApplication;
import org.chizu.platform.BackgroundWork;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chizu: assembles every module into one application. Started with a command's words first
 * ({@code import …}, {@code user add …}) it runs that command without the web server and exits; a
 * command announces its layer changes (and publishes live events) to the running servers but does not
 * listen for theirs, and runs no background work such as job workers (it would abandon their jobs when
 * it exits).
 */
@SpringBootApplication(scanBasePackages = "org.chizu")
@ConfigurationPropertiesScan("org.chizu")
public class ChizuApplication {

    public static void main(String[] args) {
        List<String> commandWords = Arrays.stream(args).filter(a -> !isSpringProperty(a)).toList();
        if (commandWords.isEmpty()) {
            SpringApplication.run(ChizuApplication.class, args);
            return;
        }
        ConfigurableApplicationContext context = commandContextFor(commandWords,
                Arrays.stream(args).filter(ChizuApplication::isSpringProperty).toArray(String[]::new));
        int exitCode = context.getBean(CommandRunner.class).run(commandWords);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    /**
     * The application as these command words run in. A restore needs the database as empty as the
     * archive left it, so it runs with the settings alone ({@link RestoreApplication}).
     */
    static ConfigurableApplicationContext commandContextFor(List<String> commandWords, String... springArgs) {
        if (commandWords.getFirst().equals("restore")) {
            return new SpringApplicationBuilder(RestoreApplication.class, CommandRunner.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("logging.level.root=WARN").run(springArgs);
        }
        return commandContext(springArgs);
    }

    /** The application as a command runs in: no web server, beans created only when its work needs them, no background work. */
    static ConfigurableApplicationContext commandContext(String... springArgs) {
        return new SpringApplicationBuilder(ChizuApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .lazyInitialization(true)
                .properties("logging.level.root=WARN", "chizu.sample-town.enabled=false", BackgroundWork.PROPERTY + "=false")
                .run(springArgs);
    }

    /** Settings the launcher passes (--chizu.home=…, --spring.…), as opposed to a command's own words. */
    private static boolean isSpringProperty(String argument) {
        return argument.startsWith("--chizu.") || argument.startsWith("--spring.")
                || argument.startsWith("--server.") || argument.startsWith("--logging.");
    }
}
