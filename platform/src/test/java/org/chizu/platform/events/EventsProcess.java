package org.chizu.platform.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.chizu.platform.testing.TestDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Chizu process as far as live events go: its own Spring context, web server, connection pool
 * and listener on a shared database. Requests are answered for the anonymous public (who is asking
 * comes from the accounts module, which the platform does not know).
 */
final class EventsProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    /** @param settings further properties, such as {@code chizu.events.max-subscribers=2} */
    EventsProcess(TestDatabase database, String... settings) {
        List<String> properties = new ArrayList<>(List.of("server.port=0",
                "spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(), "chizu.events.heartbeat=PT0.5S"));
        properties.addAll(List.of(settings));
        context = new SpringApplicationBuilder(LiveEventsOnly.class).web(WebApplicationType.SERVLET)
                .properties(properties.toArray(String[]::new)).run();
    }

    LiveEvents events() {
        return context.getBean(LiveEvents.class);
    }

    TransactionTemplate transactions() {
        return context.getBean(TransactionTemplate.class);
    }

    EventLog eventLog() {
        return context.getBean(EventLog.class);
    }

    Subscribers subscribers() {
        return context.getBean(Subscribers.class);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + pathAndQuery);
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.chizu.platform.events", "org.chizu.platform.web"})
    @EnableConfigurationProperties(EventsProperties.class)
    static class LiveEventsOnly {

        @Bean
        RequestAudience audience() {
            return () -> Audience.PUBLIC;
        }
    }
}
